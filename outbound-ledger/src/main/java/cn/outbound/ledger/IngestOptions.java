package cn.outbound.ledger;

/**
 * How to ingest.
 *
 * @param skipInvalid record the valid rows when some are invalid (they are still reported); without it an event
 * with any invalid row is not recorded at all
 * @param listener progress callbacks
 */
public record IngestOptions(boolean skipInvalid, IngestListener listener) {

	public static final IngestOptions DEFAULT = new IngestOptions(false, IngestListener.NONE);

	public IngestOptions {
		listener = (listener != null) ? listener : IngestListener.NONE;
	}

	public IngestOptions withSkipInvalid(boolean skip) {
		return new IngestOptions(skip, this.listener);
	}

	public IngestOptions withListener(IngestListener l) {
		return new IngestOptions(this.skipInvalid, l);
	}

}
