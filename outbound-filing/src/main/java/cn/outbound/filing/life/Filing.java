package cn.outbound.filing.life;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;

/**
 * A filing of one stored assessment: its mechanism (from the assessment's outcome), where it stands, and every move so
 * far, oldest first.
 *
 * @param processorId the assessment's processor id (the ledger's), or {@code null}
 * @param number the filing number ({@link FilingState#FILED}), or {@code null}
 * @param scale the approved scale ({@link FilingState#APPROVED}), or {@code null}
 */
public record Filing(long id, long assessmentId, String processorId, Mechanism mechanism, FilingState state,
		String number, ApprovedScale scale, Instant createdAt, String createdBy, List<Step> steps) {

	public Filing {
		steps = List.copyOf(steps);
	}

	/** The day of the move into {@code state}, or {@code null}. */
	public LocalDate dateOf(FilingState state) {
		for (Step s : this.steps) {
			if (s.to() == state) {
				return s.date();
			}
		}
		return null;
	}

	/** The day of the last move, or {@code null} for a draft. */
	public LocalDate lastDate() {
		return this.steps.isEmpty() ? null : this.steps.get(this.steps.size() - 1).date();
	}

	/**
	 * The days the deadline rules count from ({@code deadlines.yaml} events): {@code submitted},
	 * {@code result-issued} (approved, or rejected after acceptance: a result of the assessment) and
	 * {@code contract-effective}.
	 */
	public Map<String, LocalDate> events() {
		Map<String, LocalDate> events = new LinkedHashMap<>();
		for (Step s : this.steps) {
			switch (s.to()) {
				case SUBMITTED -> events.put("submitted", s.date());
				case APPROVED -> events.put("result-issued", s.date());
				case REJECTED -> {
					if (s.from() == FilingState.ACCEPTED) {
						events.put("result-issued", s.date());
					}
				}
				case CONTRACT_EFFECTIVE -> events.put("contract-effective", s.date());
				default -> {
				}
			}
		}
		return events;
	}

	/** The states a person may move it to next. */
	public List<FilingState> next() {
		return Lifecycle.next(this.mechanism, this.state);
	}

}
