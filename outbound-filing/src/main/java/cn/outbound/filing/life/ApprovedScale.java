package cn.outbound.filing.life;

import java.util.List;

/**
 * What an approval covers (Regulations art. 38: exports may not exceed the approved scale): persons per class over a
 * year, and the recipients. A class with {@code null} was not approved: any person of it exceeds the approval.
 *
 * @param individuals persons of non-sensitive personal information, or {@code null}
 * @param sensitiveIndividuals persons of sensitive personal information, or {@code null}
 * @param recipients the overseas recipients, as the ledger's events name them
 */
public record ApprovedScale(Long individuals, Long sensitiveIndividuals, List<String> recipients) {

	/** The largest count of a class: the spec's count limit, 10¹². */
	public static final long MAX_PERSONS = 1_000_000_000_000L;

	/** At most this many recipients. */
	public static final int MAX_RECIPIENTS = 20;

	/** The longest recipient name, in characters. */
	public static final int MAX_RECIPIENT = 200;

	public ApprovedScale {
		recipients = List.copyOf(recipients);
	}

}
