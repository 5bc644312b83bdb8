package cn.outbound.rules.pack;

import cn.outbound.rules.Text;

/**
 * A duty that comes with a decision.
 *
 * @param when {@code PERSONAL_INFORMATION} (any PI in the export), {@code IMPORTANT_DATA} (notified important data),
 * or a mechanism name (the outcome)
 * @param deadline or {@code null}
 */
public record Obligation(String id, String when, String rule, Text text, Deadline deadline) {

	public record Deadline(int amount, Unit unit, Relation relation, Text event) {

		public enum Unit {

			DAYS, WORKING_DAYS, MONTHS, YEARS

		}

		public enum Relation {

			/** within the N units before the event. */
			BEFORE,
			/** within the N units after the event. */
			AFTER,
			/** within N units (the event says of what). */
			WITHIN,
			/** at the latest N units before the event. */
			AT_LEAST_BEFORE,
			/** for N units from the event (a validity or retention period). */
			FOR

		}

	}

}
