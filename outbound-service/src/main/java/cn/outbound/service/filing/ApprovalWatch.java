package cn.outbound.service.filing;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingState;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.PiRules;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.DecisionJson.Obj;

/**
 * What a processor's ledger year says about its approvals and its size, for every door that shows a ledger status
 * (the CLI's {@code ledger status}, {@code GET /api/v1/ledger/{processor}/status}, the page {@code /ledger/{processor}}):
 * <ul>
 * <li><b>Regulations art. 38</b>: an approved filing's recipient that has been sent more persons of a class this year
 * than its approval allows (or any person of a class it did not approve);</li>
 * <li><b>Regulations art. 28</b>: a processor whose persons this year reach the line of the {@code cn-national} pack's
 * {@code personalInformation.importantDataDuties} (10,000,000, "以上": the number included) carries the duties of an
 * important-data processor.</li>
 * </ul>
 * Composed from the ledger's public per-recipient counts ({@link LedgerStatus#recipients()}) and the rule data; the
 * ledger itself knows nothing of filings.
 */
public final class ApprovalWatch {

	/** The pack whose line and articles a notice cites: the national rules apply whatever list a status uses. */
	public static final String NATIONAL = "cn-national";

	/** The provision of art. 38 in {@value #NATIONAL}. */
	public static final String ART_38 = "ndsr-art-38";

	private final Filings filings;

	private final Supplier<RulePacks> packs;

	public ApprovalWatch(Filings filings, Supplier<RulePacks> packs) {
		this.filings = filings;
		this.packs = packs;
	}

	/**
	 * A notice on a ledger status.
	 *
	 * @param code {@code art-38-exceeded} or {@code art-28-important-data-duties} (reached) or
	 * {@code art-28-may-apply} (the classes together reach it; a person in both is counted twice)
	 * @param rule the provision cited ({@code ndsr-art-38}, {@code ndsr-art-28})
	 * @param citation the provision's title, e.g. 《网络数据安全管理条例》第三十八条
	 * @param text what it means here, in both languages
	 * @param filing the approved filing concerned, or {@code null}
	 */
	public record Notice(String code, String rule, Text citation, Text text, Long filing) {
	}

	/**
	 * The notices of {@code status} (a processor of organisation {@code orgId}, under its ledger key): art. 38 per
	 * approved filing of the organisation and recipient, then art. 28.
	 */
	public List<Notice> notices(String orgId, LedgerStatus status) throws SQLException {
		List<Notice> out = new ArrayList<>();
		Optional<RulePack> pack = this.packs.get().inForce(NATIONAL, status.asOf());
		for (Filing f : this.filings.list(orgId, null, cn.outbound.service.org.Organisations.processorOf(status.processor()),
				List.of(FilingState.APPROVED))) {
			out.addAll(exceeded(f, status, pack.orElse(null)));
		}
		pack.ifPresent(p -> out.addAll(importantDataDuties(status, p, this.packs.get())));
		return out;
	}

	/** Art. 28 alone (when the approvals cannot be read), from the rule packs in force. */
	public static List<Notice> importantDataDuties(LedgerStatus status, ApprovalWatch watch) {
		RulePacks p = watch.packs.get();
		return p.inForce(NATIONAL, status.asOf()).map(pack -> importantDataDuties(status, pack, p)).orElse(List.of());
	}

	/** Art. 38 for one approved filing: each recipient and class sent more persons this year than approved. */
	List<Notice> exceeded(Filing f, LedgerStatus status, RulePack pack) {
		ApprovedScale scale = f.scale();
		LocalDate validUntil = this.filings.deadlines().validUntil(f);
		LocalDate result = f.dateOf(FilingState.APPROVED);
		if (scale == null || result == null || result.getYear() > status.year()
				|| (validUntil != null && validUntil.getYear() < status.year())) {
			return List.of();
		}
		Text citation = cite(pack, ART_38);
		List<Notice> out = new ArrayList<>();
		for (String recipient : scale.recipients()) {
			for (LedgerStatus.Recipient r : status.recipients()) {
				if (!r.recipient().equals(recipient)) {
					continue;
				}
				check(out, f, recipient, r.individuals(), scale.individuals(), "individuals", citation);
				check(out, f, recipient, r.sensitiveIndividuals(), scale.sensitiveIndividuals(), "sensitive", citation);
			}
		}
		return out;
	}

	private static void check(List<Notice> out, Filing f, String recipient, long count, Long approved, String kind,
			Text citation) {
		long allowed = (approved != null) ? approved : 0;
		if (count <= allowed) {
			return;
		}
		Text text = FilingText.of((approved != null) ? "life.notice.art38" : "life.notice.art38-class", "citation",
				citation, "filing", f.id(), "recipient", recipient, "class", FilingText.part("life.class." + kind),
				"approved", allowed, "count", count, "over", count - allowed);
		out.add(new Notice("art-38-exceeded", ART_38, citation, text, f.id()));
	}

	/**
	 * Art. 28: the persons of the year against the {@code importantDataDuties} line of {@code pack}. Counted and
	 * exempt-basis persons both count (the duty concerns processing, whatever the export's basis). The ledger counts
	 * each class apart: a class alone on or over the line is certain ({@code art-28-important-data-duties}); the classes
	 * together on or over it, none alone, may be (a person in two classes is counted twice: {@code art-28-may-apply}).
	 */
	public static List<Notice> importantDataDuties(LedgerStatus status, RulePack pack, RulePacks packs) {
		PiRules pi = pack.personalInformation();
		PiRules.ScaleRule line = (pi != null) ? pi.importantDataDuties() : null;
		if (line == null) {
			return List.of();
		}
		long[] classes = { status.individuals(), status.sensitiveIndividuals(), status.exempt().individuals(),
				status.exempt().sensitiveIndividuals() };
		long most = 0;
		long sum = 0;
		for (long n : classes) {
			most = Math.max(most, n);
			sum = Math.addExact(sum, n);
		}
		Text citation = cite(packs, pack, line.rule());
		if (line.reached(most)) {
			return List.of(new Notice("art-28-important-data-duties", line.rule(), citation, FilingText.of(
					"life.notice.art28", "citation", citation, "persons", most, "line", line.atLeast(), "year",
					status.year()), null));
		}
		if (line.reached(sum)) {
			return List.of(new Notice("art-28-may-apply", line.rule(), citation, FilingText.of("life.notice.art28-may",
					"citation", citation, "persons", sum, "line", line.atLeast(), "year", status.year()), null));
		}
		return List.of();
	}

	private Text cite(RulePack pack, String rule) {
		return (pack != null) ? cite(this.packs.get(), pack, rule) : new Text(rule, rule);
	}

	private static Text cite(RulePacks packs, RulePack pack, String rule) {
		Citation c = packs.citable(pack).get(rule);
		return (c != null) ? c.title() : new Text(rule, rule);
	}

	// ---------------------------------------------------------------- extension

	/**
	 * The growth figure of an approval's extension form (续期): this year's persons per class against the approved
	 * scale, counted from the ledger up to {@code asOf}.
	 *
	 * @param growthPercent per class, {@code (count - approved) * 100 / approved} rounded to one decimal, or
	 * {@code null} when the class was not approved
	 */
	public record Growth(long filing, LocalDate asOf, ApprovedScale approved, long individuals, long sensitiveIndividuals,
			Double individualsGrowthPercent, Double sensitiveGrowthPercent) {
	}

	/**
	 * @param status the processor's ledger status up to the day the figure is wanted
	 * @throws IllegalArgumentException when the filing is not approved (no scale to grow from)
	 */
	public static Growth growth(Filing f, LedgerStatus status) {
		if (f.state() != FilingState.APPROVED || f.scale() == null) {
			throw new IllegalArgumentException("filing " + f.id() + " is " + f.state() + ": only an approval has a scale");
		}
		return new Growth(f.id(), status.asOf(), f.scale(), status.individuals(), status.sensitiveIndividuals(),
				percent(status.individuals(), f.scale().individuals()),
				percent(status.sensitiveIndividuals(), f.scale().sensitiveIndividuals()));
	}

	private static Double percent(long count, Long approved) {
		if (approved == null || approved == 0) {
			return null;
		}
		return Math.round((count - approved) * 1000.0 / approved) / 10.0;
	}

	// ---------------------------------------------------------------- output

	/** The notices as a JSON array ({@code notices} of a ledger status). */
	public static List<Object> toJson(List<Notice> notices) {
		List<Object> out = new ArrayList<>();
		for (Notice n : notices) {
			Obj o = new Obj();
			o.put("code", n.code());
			o.put("rule", n.rule());
			o.set("citation", DecisionJson.text(n.citation()));
			o.set("text", DecisionJson.text(n.text()));
			if (n.filing() != null) {
				o.put("filing", n.filing());
			}
			out.add(o);
		}
		return out;
	}

	public static Map<String, Object> toJson(Growth g) {
		Obj o = new Obj();
		o.put("filing", g.filing());
		o.put("asOf", g.asOf().toString());
		Obj approved = o.putObject("approved");
		approved.put("individuals", g.approved().individuals());
		approved.put("sensitiveIndividuals", g.approved().sensitiveIndividuals());
		Obj year = o.putObject("thisYear");
		year.put("individuals", g.individuals());
		year.put("sensitiveIndividuals", g.sensitiveIndividuals());
		Obj growth = o.putObject("growthPercent");
		growth.put("individuals", g.individualsGrowthPercent());
		growth.put("sensitiveIndividuals", g.sensitiveGrowthPercent());
		return new LinkedHashMap<>(o);
	}

}
