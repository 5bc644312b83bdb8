package cn.outbound.ledger;

/**
 * Distinct persons per class: {@code individuals} (non-sensitive PI) and {@code sensitiveIndividuals}.
 */
public record ClassCounts(long individuals, long sensitiveIndividuals) {

	public static final ClassCounts ZERO = new ClassCounts(0, 0);

	public long of(PersonClass c) {
		return c.sensitive() ? this.sensitiveIndividuals : this.individuals;
	}

}
