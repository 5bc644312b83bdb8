package cn.outbound.filing.life;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.rules.Mechanism;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open deadlines of a filing in each state. The dates are the oracle of docs/source/filing.md §1 (the 2026 schedule,
 * counted by hand), not the calendar code.
 */
class FilingDeadlinesTests {

	static final FilingDeadlines DEADLINES = new FilingDeadlines(Deadlines.builtIn(), WorkingDays.builtIn());

	static Filing filing(Mechanism m, Object... movesAndDates) {
		List<Step> steps = new ArrayList<>();
		FilingState from = FilingState.DRAFT;
		for (int i = 0; i < movesAndDates.length; i += 2) {
			FilingState to = (FilingState) movesAndDates[i];
			steps.add(new Step(i / 2 + 1, from, to, LocalDate.parse((String) movesAndDates[i + 1]), null, Instant.EPOCH,
					"alice"));
			from = to;
		}
		return new Filing(9, 4, "acme", m, from, null, null, Instant.EPOCH, "alice", steps);
	}

	@Test
	void aContractInEffectMustBeFiledWithin10WorkingDays() {
		// Mon 2026-09-28 + 10 working days: 29, 30 Sep; 1-7 Oct off; 8, 9, Sat 10 (worked), 12-16 Oct -> Fri 2026-10-16
		List<FilingDeadlines.Open> open = DEADLINES
			.open(filing(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, FilingState.CONTRACT_EFFECTIVE, "2026-09-28"));
		assertThat(open).singleElement().satisfies(o -> {
			assertThat(o.rule().id()).isEqualTo("scc-filing");
			assertThat(o.date()).isEqualTo(LocalDate.of(2026, 10, 16));
			assertThat(o.provisional()).isFalse();
			assertThat(o.uid()).isEqualTo("filing-9-scc-filing@outbound");
			assertThat(o.overdue(LocalDate.of(2026, 10, 16))).isFalse();
			assertThat(o.overdue(LocalDate.of(2026, 10, 17))).isTrue();
			assertThat(o.period().zh()).isEqualTo("自标准合同生效之日（2026-09-28）起10个工作日内");
		});
		assertThat(DEADLINES.open(filing(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, FilingState.CONTRACT_EFFECTIVE,
				"2026-09-28", FilingState.FILED, "2026-10-09"))).isEmpty();
	}

	@Test
	void aCountIntoAYearWithNoCalendarIsProvisional() {
		List<FilingDeadlines.Open> open = DEADLINES
			.open(filing(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, FilingState.CONTRACT_EFFECTIVE, "2026-12-24"));
		assertThat(open).singleElement().satisfies(o -> {
			assertThat(o.date()).isEqualTo(LocalDate.of(2027, 1, 7));
			assertThat(o.provisional()).isTrue();
		});
	}

	@Test
	void aSubmittedFilingWaitsForTheRegulatorsPeriods() {
		// Thu 2026-02-12 + 5 working days: 13, Sat 14 (worked), 24, 25, 26 Feb (15-23 off) -> 2026-02-26
		List<FilingDeadlines.Open> open = DEADLINES
			.open(filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED, "2026-02-12"));
		assertThat(open).extracting(o -> o.rule().id())
			.containsExactly("sa-completeness", "sa-acceptance", "sa-assessment");
		assertThat(open.get(0).date()).isEqualTo(LocalDate.of(2026, 2, 26));
		// + 7 working days: 27, Sat 28 (worked), 2, 3, 4, 5, 6 Mar -> 2026-03-06
		assertThat(open.get(1).date()).isEqualTo(LocalDate.of(2026, 3, 6));
	}

	@Test
	void anAcceptedFilingCountsTheAssessmentFromItsAcceptance() {
		// accepted Mon 2026-03-02; 45 working days: March 2-31 has 21 after the 2nd (3..31 weekdays), April 4-6 off
		List<FilingDeadlines.Open> open = DEADLINES.open(filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED,
				"2026-02-12", FilingState.ACCEPTED, "2026-03-02"));
		assertThat(open).singleElement().satisfies(o -> {
			assertThat(o.rule().id()).isEqualTo("sa-assessment");
			assertThat(o.anchorDate()).isEqualTo(LocalDate.of(2026, 3, 2));
			assertThat(o.date()).isEqualTo(WorkingDays.builtIn().add(LocalDate.of(2026, 3, 2), 45).date());
			assertThat(o.date()).isEqualTo(LocalDate.of(2026, 5, 8));
			assertThat(o.period().en()).contains("the day the filing was accepted (2026-03-02)");
		});
	}

	@Test
	void anApprovalIsValid3YearsAndOpensTheExtensionWindow() {
		Filing f = filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED, "2026-02-12", FilingState.ACCEPTED,
				"2026-03-02", FilingState.APPROVED, "2026-05-06");
		List<FilingDeadlines.Open> open = DEADLINES.open(f);
		assertThat(open).extracting(o -> o.rule().id())
			.containsExactly("sa-re-evaluation", "sa-extension", "sa-validity");
		assertThat(DEADLINES.validUntil(f)).isEqualTo(LocalDate.of(2029, 5, 6));
		FilingDeadlines.Open extension = open.get(1);
		assertThat(extension.windowEnd()).isEqualTo(LocalDate.of(2029, 5, 6));
		assertThat(extension.provisional()).isTrue(); // 2029 has no calendar
		assertThat(extension.due()).isEqualTo(LocalDate.of(2029, 5, 6));
	}

	@Test
	void aRejectionAfterAcceptanceLeavesTheReEvaluationWindowOnly() {
		assertThat(DEADLINES.open(filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED, "2026-02-12",
				FilingState.ACCEPTED, "2026-03-02", FilingState.REJECTED, "2026-05-06")))
			.extracting(o -> o.rule().id())
			.containsExactly("sa-re-evaluation");
		// not accepted: no result was issued, so no re-evaluation
		assertThat(DEADLINES.open(filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED, "2026-02-12",
				FilingState.REJECTED, "2026-02-20"))).isEmpty();
		assertThat(DEADLINES.open(filing(Mechanism.SECURITY_ASSESSMENT))).isEmpty();
	}

}
