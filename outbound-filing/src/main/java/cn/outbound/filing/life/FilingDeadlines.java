package cn.outbound.filing.life;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.DeadlineRule;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.deadline.FilingPlan;
import cn.outbound.rules.Text;

/**
 * The open deadlines of a filing: the deadline rules ({@link Deadlines}) of its mechanism that its state leaves open,
 * dated from the days of its moves with the working-day calendar ({@link FilingPlan#date}); a date counted through a
 * year with no calendar loaded stays {@code provisional}. Which rules a state leaves open is the one table below.
 */
public final class FilingDeadlines {

	/**
	 * The deadline rules ({@code deadlines.yaml} ids) open in each state. Submitted: the provincial check, the
	 * acceptance, the assessment (the regulator's periods: when to expect an answer). Accepted: the assessment, counted
	 * from the day of acceptance. Approved: the re-evaluation window, the validity and the extension window. Rejected
	 * after acceptance: the re-evaluation window. Contract in effect: the standard contract's filing.
	 */
	private static final Map<FilingState, List<String>> OPEN = new EnumMap<>(FilingState.class);

	static {
		OPEN.put(FilingState.SUBMITTED, List.of("sa-completeness", "sa-acceptance", "sa-assessment"));
		OPEN.put(FilingState.ACCEPTED, List.of("sa-assessment"));
		OPEN.put(FilingState.APPROVED, List.of("sa-re-evaluation", "sa-validity", "sa-extension"));
		OPEN.put(FilingState.REJECTED, List.of("sa-re-evaluation"));
		OPEN.put(FilingState.CONTRACT_EFFECTIVE, List.of("scc-filing"));
	}

	/** Counted from the day the national department accepted the filing, once it is known. */
	private static final String FROM_ACCEPTANCE = "sa-assessment";

	private final Deadlines deadlines;

	private final WorkingDays days;

	public FilingDeadlines(Deadlines deadlines, WorkingDays days) {
		this.deadlines = deadlines;
		this.days = days;
	}

	public Deadlines deadlines() {
		return this.deadlines;
	}

	public WorkingDays days() {
		return this.days;
	}

	/**
	 * An open deadline of a filing.
	 *
	 * @param anchorDate the day it is counted from
	 * @param date the date it yields (for a window, its first day)
	 * @param windowEnd for a window ({@code BEFORE}), its last day; else {@code null}
	 * @param provisional counted through a year with no calendar loaded (weekends only)
	 */
	public record Open(long filingId, long assessmentId, String processorId, FilingState state, DeadlineRule rule,
			Text period, LocalDate anchorDate, LocalDate date, LocalDate windowEnd, boolean provisional) {

		/** The last day: the window's end, else the date. */
		public LocalDate due() {
			return (this.windowEnd != null) ? this.windowEnd : this.date;
		}

		/** Whether its last day has passed. */
		public boolean overdue(LocalDate today) {
			return today.isAfter(due());
		}

		/** Days from today to the last day (negative when overdue). */
		public long daysLeft(LocalDate today) {
			return java.time.temporal.ChronoUnit.DAYS.between(today, due());
		}

		/** A stable id of this deadline of this filing (the iCalendar UID): the same however often it is computed. */
		public String uid() {
			return "filing-" + this.filingId + "-" + this.rule.id() + "@outbound";
		}

	}

	/** Soonest first, then by filing and rule. */
	public static final Comparator<Open> SOONEST = Comparator.comparing(Open::date)
		.thenComparing(Open::filingId)
		.thenComparing(o -> o.rule().id());

	/** The open deadlines of {@code filing}, soonest first. */
	public List<Open> open(Filing filing) {
		List<String> ids = OPEN.getOrDefault(filing.state(), List.of());
		if (ids.isEmpty()) {
			return List.of();
		}
		FilingPlan plan = FilingPlan.of(filing.mechanism(), filing.events(), this.deadlines, this.days);
		LocalDate accepted = filing.dateOf(FilingState.ACCEPTED);
		List<Open> open = new ArrayList<>();
		for (FilingPlan.Step step : plan.steps()) {
			DeadlineRule rule = step.rule();
			if (!ids.contains(rule.id()) || !step.known()) {
				continue;
			}
			if (rule.id().equals(FROM_ACCEPTANCE) && accepted != null) {
				FilingPlan.Dated d = FilingPlan.date(rule, accepted, this.days);
				open.add(new Open(filing.id(), filing.assessmentId(), filing.processorId(), filing.state(), rule,
						rule.period(dated(FilingText.of("life.anchor.accepted"), accepted)), accepted, d.date(),
						d.windowEnd(), d.provisional()));
				continue;
			}
			Text period = rule.period(dated(step.anchorName(), step.anchorDate()));
			open.add(new Open(filing.id(), filing.assessmentId(), filing.processorId(), filing.state(), rule, period,
					step.anchorDate(), step.date(), step.windowEnd(), step.provisional()));
		}
		open.sort(SOONEST);
		return open;
	}

	/** "标准合同生效之日（2026-09-28）": the anchor with its date, as a plan says it. */
	private static Text dated(Text name, LocalDate date) {
		return FilingText.of("anchor.dated", "name", name, "date", date);
	}

	/** The day an approval expires (3 years from the result, by the deadline rules), or {@code null}. */
	public LocalDate validUntil(Filing filing) {
		if (filing.state() != FilingState.APPROVED) {
			return null;
		}
		for (Open o : open(filing)) {
			if (o.rule().id().equals("sa-validity")) {
				return o.date();
			}
		}
		return null;
	}

}
