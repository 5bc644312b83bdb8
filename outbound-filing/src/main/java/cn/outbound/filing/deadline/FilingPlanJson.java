package cn.outbound.filing.deadline;

import java.util.ArrayList;
import java.util.List;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.rules.Text;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.DecisionJson.Obj;

/**
 * A {@link FilingPlan} as JSON ({@code outbound/filing-plan/v1}), every text in Chinese and English, like a decision.
 */
public final class FilingPlanJson {

	private FilingPlanJson() {
	}

	public static Obj toJson(FilingPlan plan) {
		Obj root = new Obj();
		root.put("schema", FilingPlan.SCHEMA);
		root.put("outcome", plan.mechanism().name());
		root.set("outcomeLabel", DecisionJson.text(plan.mechanism().label()));
		Obj known = root.putObject("known");
		plan.known().forEach((k, v) -> known.put(k, v.toString()));
		root.put("provisional", plan.provisional());
		root.put("calendars", new ArrayList<Object>(plan.calendars()));
		if (plan.provisional()) {
			root.set("provisionalNote", DecisionJson.text(provisionalNote(plan)));
		}
		List<Object> steps = root.putArray("steps");
		for (FilingPlan.Step s : plan.steps()) {
			steps.add(step(s));
		}
		List<Object> notes = root.putArray("notes");
		plan.notes().forEach(n -> notes.add(DecisionJson.text(n)));
		return root;
	}

	static Text provisionalNote(FilingPlan plan) {
		return FilingText.of("plan.provisional", "years", plan.estimated(), "loaded",
				plan.loaded().isEmpty() ? FilingText.part("count.none-loaded") : plan.loaded());
	}

	private static Obj step(FilingPlan.Step s) {
		DeadlineRule r = s.rule();
		Obj n = new Obj();
		n.put("id", r.id());
		if (r.obligation() != null) {
			n.put("obligation", r.obligation());
		}
		n.set("title", DecisionJson.text(r.title()));
		n.set("marks", DecisionJson.text(r.marks()));
		n.put("date", (s.date() != null) ? s.date().toString() : null);
		n.put("known", s.known());
		if (s.windowEnd() != null) {
			Obj w = n.putObject("window");
			w.put("from", s.date().toString());
			w.put("to", s.windowEnd().toString());
		}
		n.put("provisional", s.provisional());
		Obj anchor = n.putObject("anchor");
		if (r.anchor().isEvent()) {
			anchor.put("event", r.anchor().event());
		}
		else {
			anchor.put("step", r.anchor().step());
		}
		anchor.set("name", DecisionJson.text(s.anchorName()));
		anchor.put("date", (s.anchorDate() != null) ? s.anchorDate().toString() : null);
		if (s.waitingFor() != null) {
			n.put("waitingFor", s.waitingFor());
		}
		n.put("amount", r.amount());
		n.put("unit", r.unit().name());
		n.put("direction", r.direction().name());
		n.set("period", DecisionJson.text(period(s)));
		n.set("citation", citation(r.citation()));
		n.set("explanation", DecisionJson.text(r.explanation()));
		return n;
	}

	/** A deadline's article as JSON: one form for a plan, a filing's open deadlines and a decision's obligations. */
	public static Obj citation(DeadlineCitation c) {
		return DecisionJson.deadlineCitation(c.toDue());
	}

	/** The rule with the anchor's date where it is known: "提交申报材料之日（2026-03-02）后5个工作日内". */
	static Text period(FilingPlan.Step s) {
		Text anchor = (s.anchorDate() != null)
				? FilingText.of("anchor.dated", "name", s.anchorName(), "date", s.anchorDate()) : s.anchorName();
		return s.rule().period(anchor);
	}

}
