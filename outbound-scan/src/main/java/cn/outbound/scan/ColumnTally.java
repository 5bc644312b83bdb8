package cn.outbound.scan;

/** One thread's exact counts for one column; added into the {@link ColumnProfile} at the end. */
final class ColumnTally {

	long nonEmpty;

	final long[] strong = new long[ColumnProfile.TYPES.length];

	final long[] weak = new long[ColumnProfile.TYPES.length];

	/** Embedded resident IDs, mobiles, e-mails in free text. */
	final long[] embedded = new long[3];

}
