package cn.outbound.app.audit;

import java.sql.SQLException;

import cn.outbound.ledger.RecordResult;

/**
 * The audit entry of an export event written to the ledger, the same whatever the door (the REST upload,
 * {@code outbound ledger record}, {@code outbound scan --record-to-ledger}): action {@value #ACTION}, target
 * {@code ledger:PROCESSOR/EVENT-KEY}, and the date, basis, rows read and invalid rows, never an identifier. An event
 * already recorded (nothing changed) is not audited again.
 */
public final class LedgerAudit {

	public static final String ACTION = "LEDGER_RECORD";

	private LedgerAudit() {
	}

	public static void record(Writes writes, String actor, String remote, RecordResult r) throws SQLException {
		if (r.outcome() == RecordResult.Outcome.ALREADY_RECORDED) {
			return;
		}
		String target = "ledger:" + r.event().processor() + "/" + r.event().eventKey();
		String details = "date=" + r.event().date() + " basis=" + r.event().basis() + " rows=" + r.rowsRead()
				+ " invalid=" + r.invalidRows();
		writes.submit((c, audit) -> {
			audit.append(actor, ACTION, target, remote, details);
			return null;
		});
	}

}
