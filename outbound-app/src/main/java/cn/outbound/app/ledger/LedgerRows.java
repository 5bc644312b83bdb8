package cn.outbound.app.ledger;

import java.util.List;

import cn.outbound.ledger.EventSummary;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.RecordResult;

/** What the ledger page shows besides the status: its events and the outcome of an upload. */
public final class LedgerRows {

	private LedgerRows() {
	}

	/** A recorded event as the page lists it. */
	public record EventRow(EventSummary summary, String recordedBy) {

		public long persons(PersonClass c) {
			return this.summary.parts().stream().filter(p -> p.personClass() == c).mapToLong(RecordResult.Part::persons).sum();
		}

		public long newThisYear(PersonClass c) {
			return this.summary.parts().stream().filter(p -> p.personClass() == c)
				.mapToLong(RecordResult.Part::newThisYear).sum();
		}

	}

	/** What the upload form says after a post: the key of a message and its arguments. */
	public record Outcome(boolean ok, String key, List<Object> args) {
	}

}
