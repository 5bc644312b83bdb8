package cn.outbound.service.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.db.LedgerException;
import cn.outbound.scan.ScannedPersons;
import cn.outbound.service.audit.Actor;

/**
 * The persons of a scan recorded as one export event ({@code outbound scan --record-to-ledger}): one part per class
 * and identifier kind (the kind as the scanner read it, so the ledger normalises the identifiers the same way), all
 * in one transaction, audited by {@link LedgerService#record} like every other door's.
 */
public final class ScanRecording {

	private ScanRecording() {
	}

	/**
	 * @throws LedgerException if some persons' identifiers were not kept during the scan (nothing is recorded)
	 * @throws LedgerInputException if the scan found no person identifiers
	 */
	public static RecordResult record(LedgerService ledger, String orgId, EventSpec event, ScannedPersons persons, Actor actor,
			Consumer<Exception> auditFailed) {
		if (persons.notHandedOver() > 0) {
			throw new LedgerException(
					persons.notHandedOver() + " persons could not be handed to the ledger (identifiers not kept)");
		}
		List<Persons> parts = new ArrayList<>();
		for (ScannedPersons.Group g : persons.groups()) {
			parts.add(new Persons(PersonClass.of(g.sensitive()), g.kind(), IdentifierSource.of(g.identifiers().iterator())));
		}
		if (parts.isEmpty()) {
			throw new LedgerInputException("record-to-ledger",
					"the scan found no person identifiers to record: nothing was recorded (see --id-column)");
		}
		return ledger.record(orgId, event, parts, IngestOptions.DEFAULT, actor, auditFailed);
	}

}
