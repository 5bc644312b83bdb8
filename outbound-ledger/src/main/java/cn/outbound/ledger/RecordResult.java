package cn.outbound.ledger;

import java.util.List;

/**
 * What {@link Ledger#record} did.
 *
 * @param outcome {@link Outcome#RECORDED}, or {@link Outcome#ALREADY_RECORDED} when the same event had been
 * recorded under its key before (then nothing changed and the numbers are those stored with it)
 * @param eventId the event's id in the ledger
 * @param event the event
 * @param rowsRead rows read from the sources (for an already-recorded event: this time)
 * @param invalidRows rows skipped because their identifier was invalid ({@code --skip-invalid})
 * @param invalidSamples the first of those rows, masked
 * @param parts per class: identifiers, distinct persons, and how many were new to the year
 * @param counted whether the event's persons count toward the thresholds (basis NONE, or exempt bases counted)
 */
public record RecordResult(Outcome outcome, long eventId, EventSpec event, long rowsRead, long invalidRows,
		List<InvalidRow> invalidSamples, List<Part> parts, boolean counted) {

	public enum Outcome {

		RECORDED, ALREADY_RECORDED

	}

	/**
	 * @param personClass the class
	 * @param identifiers valid identifier rows (duplicates included)
	 * @param persons distinct persons
	 * @param newThisYear persons not recorded before in this processor's year under a basis of the same kind
	 * (counted or exempt)
	 */
	public record Part(PersonClass personClass, long identifiers, long persons, long newThisYear) {
	}

	public Part part(PersonClass c) {
		return this.parts.stream().filter(p -> p.personClass() == c).findFirst().orElse(new Part(c, 0, 0, 0));
	}

}
