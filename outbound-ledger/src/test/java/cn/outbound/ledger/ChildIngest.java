package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Iterator;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;

/**
 * A separate JVM that records one event of synthetic resident IDs [from, to), for the process tests. Prints
 * {@code PHASE <name>} lines as it goes and {@code DONE <outcome>} at the end.
 *
 * <pre>
 * java -cp ... cn.outbound.ledger.ChildIngest URL KEY-BASE64 PROCESSOR EVENT-KEY FROM TO
 * </pre>
 */
public final class ChildIngest {

	private ChildIngest() {
	}

	public static void main(String[] args) {
		String url = args[0];
		LedgerKey key = LedgerKey.of(Base64.getDecoder().decode(args[1]));
		String processor = args[2];
		String eventKey = args[3];
		long from = Long.parseLong(args[4]);
		long to = Long.parseLong(args[5]);
		try (Database db = Database.open(url, null, null)) {
			Ledger ledger = Ledger.open(db, key, LedgerSettings.defaults());
			IngestListener listener = new IngestListener() {

				@Override
				public void phase(Phase phase) {
					System.out.println("PHASE " + phase);
					System.out.flush();
				}

			};
			Iterator<String> ids = new Iterator<>() {

				private long next = from;

				@Override
				public boolean hasNext() {
					return this.next < to;
				}

				@Override
				public String next() {
					return TestIds.residentId(this.next++);
				}

			};
			RecordResult r = ledger.record(EventSpec.of(processor, eventKey, LocalDate.of(2026, 5, 20), Basis.NONE),
					new Persons(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, IdentifierSource.of(ids)),
					IngestOptions.DEFAULT.withListener(listener));
			System.out.println("DONE " + r.outcome());
			System.out.flush();
		}
	}

}
