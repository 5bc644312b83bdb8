package cn.outbound.service.audit;

import java.time.Instant;

/**
 * One entry of the audit log: who did what, when and from where. {@code details} never holds a raw personal
 * identifier (scenarios carry counts only).
 */
public record AuditEvent(long seq, Instant at, String actor, String action, String target, String remote,
		String details, String prevHash, String hash) {

	/** The text the entry's hash covers: the previous hash and every field, in a fixed order. */
	static String canonical(String prevHash, long seq, Instant at, String actor, String action, String target,
			String remote, String details) {
		StringBuilder sb = new StringBuilder(128);
		sb.append(prevHash).append('\n').append(seq).append('\n').append(at).append('\n');
		field(sb, actor);
		field(sb, action);
		field(sb, target);
		field(sb, remote);
		field(sb, details);
		return sb.toString();
	}

	private static void field(StringBuilder sb, String value) {
		// length-prefixed, so that no choice of field contents can make two entries hash alike
		if (value == null) {
			sb.append("-1:\n");
		}
		else {
			sb.append(value.length()).append(':').append(value).append('\n');
		}
	}

}
