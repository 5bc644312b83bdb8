package cn.outbound.rules.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.outbound.rules.Text;

/**
 * A condition over the facts of a declared item, as written in a pack. Comparisons carry the list text they encode.
 */
public sealed interface Condition permits Condition.All, Condition.Any, Condition.Not, Condition.Compare {

	/** Whether the condition holds for these facts; a comparison on a fact that was not given does not hold. */
	boolean holds(Map<String, Object> facts);

	/** Visits every comparison in the condition. */
	void comparisons(Consumer<Compare> visitor);

	record All(List<Condition> conditions) implements Condition {

		@Override
		public boolean holds(Map<String, Object> facts) {
			for (Condition c : this.conditions) {
				if (!c.holds(facts)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public void comparisons(Consumer<Compare> visitor) {
			this.conditions.forEach(c -> c.comparisons(visitor));
		}

	}

	record Any(List<Condition> conditions) implements Condition {

		@Override
		public boolean holds(Map<String, Object> facts) {
			for (Condition c : this.conditions) {
				if (c.holds(facts)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public void comparisons(Consumer<Compare> visitor) {
			this.conditions.forEach(c -> c.comparisons(visitor));
		}

	}

	record Not(Condition condition) implements Condition {

		@Override
		public boolean holds(Map<String, Object> facts) {
			return !this.condition.holds(facts);
		}

		@Override
		public void comparisons(Consumer<Compare> visitor) {
			this.condition.comparisons(visitor);
		}

	}

	/** How a comparison reads in the list's words. */
	enum Op {

		/** equals a value. */
		EQUALS("equals"),
		/** one of several values. */
		IN("in"),
		/** 以上 / 及以上: the number itself included. */
		AT_LEAST("atLeast"),
		/** （不含）以上: the number itself excluded. */
		GREATER_THAN("greaterThan"),
		/** 不满: the number itself excluded. */
		BELOW("below"),
		/** 以下: the number itself included. */
		AT_MOST("atMost");

		private final String key;

		Op(String key) {
			this.key = key;
		}

		public String key() {
			return this.key;
		}

		public boolean numeric() {
			return this != EQUALS && this != IN;
		}

	}

	/**
	 * @param value a Boolean, a String (enum value), a BigDecimal (numeric ops) or a List of Strings ({@link Op#IN})
	 */
	record Compare(String fact, Op op, Object value, Text quote) implements Condition {

		@Override
		public boolean holds(Map<String, Object> facts) {
			Object actual = facts.get(this.fact);
			if (actual == null) {
				return false;
			}
			switch (this.op) {
				case EQUALS:
					return this.value.equals(actual);
				case IN:
					return ((List<?>) this.value).contains(actual);
				default:
					int cmp = compare(actual, (BigDecimal) this.value);
					return switch (this.op) {
						case AT_LEAST -> cmp >= 0;
						case GREATER_THAN -> cmp > 0;
						case BELOW -> cmp < 0;
						case AT_MOST -> cmp <= 0;
						default -> false;
					};
			}
		}

		private static int compare(Object actual, BigDecimal limit) {
			if (actual instanceof Long l) {
				// fast path: limits in the packs are whole numbers
				if (limit.scale() <= 0 && limit.precision() < 18) {
					return Long.compare(l, limit.longValue());
				}
				return BigDecimal.valueOf(l).compareTo(limit);
			}
			if (actual instanceof BigDecimal bd) {
				return bd.compareTo(limit);
			}
			return new BigDecimal(actual.toString()).compareTo(limit);
		}

		@Override
		public void comparisons(Consumer<Compare> visitor) {
			visitor.accept(this);
		}

	}

}
