package cn.outbound.ledger;

/**
 * Progress of an ingest, for a progress bar or a test that needs to know when the database work starts. Called on
 * the ingesting thread; must be quick and must not throw.
 */
public interface IngestListener {

	IngestListener NONE = new IngestListener() {
	};

	/** The stages of {@link Ledger#record}: reading and hashing, then the one database transaction. */
	enum Phase {

		/** Reading the rows, normalising and hashing the identifiers (nothing written yet). */
		READING,
		/** In the database transaction: persons, event, counts. Interrupted here, the event is absent. */
		WRITING,
		/** Committed. */
		COMMITTED

	}

	default void phase(Phase phase) {
	}

	/** Rows read so far (called every 65,536 rows and at the end). */
	default void rows(long rowsRead) {
	}

}
