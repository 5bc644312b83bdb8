package cn.outbound.service.assessment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.outbound.filing.document.DraftInput;
import cn.outbound.filing.document.FilingDetails;
import cn.outbound.filing.document.LedgerHistory;
import cn.outbound.ledger.EventSummary;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.RecordResult;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;

/**
 * What a filing's drafts are made from, for a stored assessment (the CLI's {@code filing draft --assessment ID} and
 * the result page's download alike) or a scenario just decided: the decision, and the ledger's record of the
 * processor's exports this year up to the export's date.
 * <p>
 * A stored assessment keeps its scenario and decision as JSON; the drafts need the decision's objects (citations,
 * quotes, obligations), so the stored scenario is decided again with the prior counts and the setting the stored
 * decision used (not today's ledger, which may have moved on). When the rule packs of today decide it otherwise than
 * the stored decision, that is an error: the documents must not say what the assessment did not.
 */
public final class AssessmentDrafts {

	private AssessmentDrafts() {
	}

	/** The stored assessment no longer decides the same: its outcome or items differ under today's rule packs. */
	public static final class DecisionChangedException extends RuntimeException {

		public DecisionChangedException(String message) {
			super(message);
		}

	}

	/** A stored assessment, read where the server stores it (a door without the server's beans: the CLI). */
	public static Optional<Assessment> find(javax.sql.DataSource dataSource, cn.outbound.service.audit.Writes writes,
			String orgId, long id) throws java.sql.SQLException {
		return new AssessmentStore(dataSource, writes).find(id, orgId);
	}

	/**
	 * @param ledger the ledger to read this year's exports from, or {@code null}
	 * @throws DecisionChangedException when today's packs decide the stored scenario otherwise
	 */
	public static DraftInput input(Assessment a, String orgId, RulePacks packs, Ledger ledger, FilingDetails details,
			LocalDate today, String lang) {
		Decision decision = decision(a, packs);
		return new DraftInput(decision, details, history(ledger, decision.scenario(), orgId), today, lang);
	}

	/** The stored scenario decided again with the stored prior counts; checked against the stored outcome and items. */
	public static Decision decision(Assessment a, RulePacks packs) {
		Node.Obj stored = (Node.Obj) NodeReader.readJson(a.decision().getBytes(StandardCharsets.UTF_8), "assessment");
		Node.Obj cumulative = (Node.Obj) stored.get("cumulative");
		boolean exemptCounted = cumulative != null && cumulative.get("exemptBasesCounted") instanceof Node.Scalar s
				&& Boolean.TRUE.equals(s.value());
		Scenario.Counts prior = Scenario.Counts.ZERO;
		String source = "NONE";
		if (cumulative != null && cumulative.get("prior") instanceof Node.Obj p) {
			prior = new Scenario.Counts(number(p.get("individuals")), number(p.get("sensitiveIndividuals")));
			source = String.valueOf(((Node.Scalar) cumulative.get("priorSource")).value());
		}
		Scenario.Counts fromLedger = prior;
		PriorCounts counts = "LEDGER".equals(source) ? (processor, date) -> Optional.of(fromLedger) : PriorCounts.NONE;
		Engine engine = new Engine(packs, new EngineSettings(exemptCounted));
		Scenario scenario = new ScenarioReader(packs).read(a.scenario().getBytes(StandardCharsets.UTF_8),
				"assessment " + a.id());
		Decision decision = engine.decide(scenario, counts);
		if (!decision.outcome().name().equals(a.outcome()) || !decision.items().equals(a.items())) {
			throw new DecisionChangedException("assessment " + a.id() + " was decided " + a.outcome() + " " + a.items()
					+ " under " + a.packId() + " " + a.packEdition() + "; the rule packs of today decide it "
					+ decision.outcome() + " " + decision.items() + ": assess the scenario again before drafting");
		}
		return decision;
	}

	/**
	 * The processor's exports recorded this year up to the export's date in organisation {@code orgId}'s ledger, or
	 * {@code null} without a ledger or id.
	 */
	public static LedgerHistory history(Ledger ledger, Scenario scenario, String orgId) {
		String processor = scenario.processor().id();
		if (ledger == null || processor == null) {
			return null;
		}
		LocalDate upTo = scenario.date();
		List<LedgerHistory.Event> events = ledger.events(cn.outbound.service.org.Organisations.ledgerKey(orgId, processor),
				upTo.getYear())
			.stream()
			.filter(e -> !e.event().date().isAfter(upTo))
			.map(AssessmentDrafts::event)
			.toList();
		return new LedgerHistory(processor, upTo, events);
	}

	private static LedgerHistory.Event event(EventSummary e) {
		long persons = e.parts().stream().mapToLong(RecordResult.Part::persons).sum();
		long fresh = e.parts().stream().mapToLong(RecordResult.Part::newThisYear).sum();
		return new LedgerHistory.Event(e.event().date(), e.event().eventKey(), persons, fresh);
	}

	private static long number(Node n) {
		return (n instanceof Node.Scalar s && s.value() instanceof Number v) ? v.longValue() : 0;
	}

}
