package cn.outbound.filing.life;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.filing.deadline.DeadlineRule;
import cn.outbound.filing.deadline.FilingPlanJson;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.DecisionJson.Obj;

/**
 * A filing ({@code outbound/filing/v1}) and a list of open deadlines ({@code outbound/deadlines/v1}) as JSON, every
 * text in Chinese and English: the one form of the REST API and {@code outbound filing … --format json}.
 */
public final class FilingJson {

	public static final String FILING_SCHEMA = "outbound/filing/v1";

	public static final String DEADLINES_SCHEMA = "outbound/open-deadlines/v1";

	private FilingJson() {
	}

	/**
	 * @param open its open deadlines ({@link FilingDeadlines#open})
	 * @param validUntil the day an approval expires, or {@code null}
	 */
	public static Obj filing(Filing f, List<FilingDeadlines.Open> open, LocalDate validUntil, LocalDate today) {
		Obj n = new Obj();
		n.put("schema", FILING_SCHEMA);
		n.put("id", f.id());
		n.put("assessment", f.assessmentId());
		n.put("processor", f.processorId());
		n.put("mechanism", f.mechanism().name());
		n.set("mechanismLabel", DecisionJson.text(f.mechanism().label()));
		n.put("state", f.state().name());
		n.set("stateLabel", DecisionJson.text(f.state().label()));
		List<Object> next = n.putArray("next");
		f.next().forEach(s -> next.add(s.name()));
		n.put("number", f.number());
		if (f.scale() != null) {
			Obj scale = n.putObject("approvedScale");
			scale.put("individuals", f.scale().individuals());
			scale.put("sensitiveIndividuals", f.scale().sensitiveIndividuals());
			scale.put("recipients", new ArrayList<Object>(f.scale().recipients()));
		}
		n.put("validUntil", (validUntil != null) ? validUntil.toString() : null);
		n.put("createdAt", f.createdAt().toString());
		n.put("createdBy", f.createdBy());
		List<Object> steps = n.putArray("steps");
		for (Step s : f.steps()) {
			Obj st = new Obj();
			st.put("seq", s.seq());
			st.put("from", s.from().name());
			st.put("to", s.to().name());
			st.put("date", s.date().toString());
			if (s.number() != null) {
				st.put("number", s.number());
			}
			st.put("recordedAt", s.recordedAt().toString());
			st.put("recordedBy", s.recordedBy());
			steps.add(st);
		}
		List<Object> deadlines = n.putArray("deadlines");
		open.forEach(o -> deadlines.add(deadline(o, today)));
		return n;
	}

	/** Open deadlines across filings, soonest first. */
	public static Obj deadlines(List<FilingDeadlines.Open> open, LocalDate today) {
		Obj n = new Obj();
		n.put("schema", DEADLINES_SCHEMA);
		n.put("today", today.toString());
		n.put("provisional", open.stream().anyMatch(FilingDeadlines.Open::provisional));
		n.put("overdue", open.stream().filter(o -> o.overdue(today)).count());
		List<Object> list = n.putArray("deadlines");
		open.forEach(o -> list.add(deadline(o, today)));
		return n;
	}

	public static Obj deadline(FilingDeadlines.Open o, LocalDate today) {
		DeadlineRule r = o.rule();
		Obj n = new Obj();
		n.put("uid", o.uid());
		n.put("filing", o.filingId());
		n.put("assessment", o.assessmentId());
		n.put("processor", o.processorId());
		n.put("state", o.state().name());
		n.put("id", r.id());
		if (r.obligation() != null) {
			n.put("obligation", r.obligation());
		}
		n.set("title", DecisionJson.text(r.title()));
		n.set("marks", DecisionJson.text(r.marks()));
		n.put("date", o.date().toString());
		if (o.windowEnd() != null) {
			Obj w = n.putObject("window");
			w.put("from", o.date().toString());
			w.put("to", o.windowEnd().toString());
		}
		n.put("due", o.due().toString());
		n.put("overdue", o.overdue(today));
		n.put("daysLeft", o.daysLeft(today));
		n.put("provisional", o.provisional());
		Obj anchor = n.putObject("anchor");
		anchor.put("date", o.anchorDate().toString());
		n.set("period", DecisionJson.text(o.period()));
		n.set("citation", FilingPlanJson.citation(r.citation()));
		n.set("explanation", DecisionJson.text(r.explanation()));
		return n;
	}

}
