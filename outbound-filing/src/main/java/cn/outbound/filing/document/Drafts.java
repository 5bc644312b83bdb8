package cn.outbound.filing.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.outbound.report.Document;
import cn.outbound.report.Run;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.render.Explanations;
import cn.outbound.rules.scenario.Scenario;

/**
 * Makes the drafts of a filing from {@link DraftData}: for each document of the decision's mechanism, its parts in
 * order, each field filled where Outbound knows the answer (the scenario, the decision, the ledger, the details file)
 * and a {@code 【待填写】} placeholder where only the company can write; then the materials checklist, each material
 * ready, drafted (with how many places are left) or missing.
 */
public final class Drafts {

	/** The {@code known:} paragraphs Outbound writes. */
	static final Set<String> KNOWN = Set.of("generated", "decision.outcome", "decision.findings", "decision.obligations",
			"processor.summary", "scenario.data", "counts.thisYear", "ledger.history", "forecast", "recipient.summary");

	static final Set<String> TABLES = Set.of("recipients", "dataItems");

	static final Set<String> ROLES = Set.of("legalRepresentative", "securityLead", "agent");

	private static final List<String> PERSON_FIELDS = List.of("name", "title", "nationality", "phone", "email",
			"idType", "department");

	private final DraftInput in;

	private final DraftData.Common common = DraftData.common();

	private final String lang;

	private Drafts(DraftInput in) {
		this.in = in;
		this.lang = in.lang();
	}

	/** The mechanisms whose documents a decision calls for: none for EXEMPT and SEPARATE_REGIME. */
	public static List<Mechanism> mechanisms(Mechanism outcome) {
		return DraftData.FILES.containsKey(outcome) ? List.of(outcome) : List.of();
	}

	/** Every mechanism that has filing documents, strongest first. */
	public static List<Mechanism> allMechanisms() {
		return List.of(Mechanism.SECURITY_ASSESSMENT, Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION);
	}

	/** The drafts of the decision's mechanism (none for EXEMPT or SEPARATE_REGIME). */
	public static List<Draft> of(DraftInput in) {
		return of(in, mechanisms(in.decision().outcome()));
	}

	/** The drafts of the given mechanisms, numbered in order; each mechanism's materials checklist last. */
	public static List<Draft> of(DraftInput in, List<Mechanism> mechanisms) {
		Drafts d = new Drafts(in);
		List<Draft> out = new ArrayList<>();
		for (Mechanism m : mechanisms) {
			DraftData.Spec spec = DraftData.spec(m);
			List<Draft> docs = new ArrayList<>();
			for (DraftData.DocSpec doc : spec.documents()) {
				docs.add(d.draft(out.size() + docs.size() + 1, doc.id(), d.document(doc)));
			}
			out.addAll(docs);
			String id = spec.documents().get(0).id().substring(0, 2) + "-materials";
			out.add(d.draft(out.size() + 1, id, d.materials(spec, docs)));
		}
		return List.copyOf(out);
	}

	private Draft draft(int n, String id, Document doc) {
		String name = String.format("%02d-%s", n, doc.title().replaceAll("[\\\\/:*?\"<>|：]+", "-").replaceAll("\\s+", "-"));
		return new Draft(id, name, doc);
	}

	// ---- documents

	private Document document(DraftData.DocSpec spec) {
		Document.Builder b = Document.builder(spec.title().in(this.lang), this.lang);
		for (DraftData.Part part : spec.parts()) {
			part(b, part);
		}
		return b.build();
	}

	private void part(Document.Builder b, DraftData.Part part) {
		if (part.heading() != null) {
			b.heading(Math.min(3, part.level()), part.heading().in(this.lang));
		}
		if (!part.fields().isEmpty()) {
			List<List<List<Run>>> rows = new ArrayList<>();
			for (DraftData.Field f : part.fields()) {
				rows.add(List.of(List.of(Document.text(f.label().in(this.lang))), value(b, f, part.role())));
			}
			b.table(List.of(phrase("field"), phrase("value")), List.of(2, 3), rows);
		}
		for (DraftData.Content c : part.content()) {
			if (c.known() != null) {
				known(b, c.known());
			}
			else if (c.blank() != null) {
				b.paragraph(b.blank(c.blank().in(this.lang)));
			}
			else if (c.text() != null) {
				b.paragraph(c.text().in(this.lang));
			}
			else {
				b.paragraph(b.blank(c.paste().in(this.lang)));
			}
		}
		if (part.table() != null) {
			table(b, part.table());
		}
		for (DraftData.Part child : part.parts()) {
			part(b, child);
		}
	}

	// ---- values of fields

	/** Every value key a field may name. */
	static Set<String> values() {
		Set<String> keys = new TreeSet<>(VALUE_KEYS);
		PERSON_FIELDS.forEach(f -> {
			keys.add("person." + f);
			ROLES.forEach(r -> keys.add(r + "." + f));
		});
		return keys;
	}

	private static final Set<String> VALUE_KEYS = Set.of("processor.name", "processor.nature", "processor.ownership",
			"processor.registeredAddress", "processor.officeAddress", "processor.employees", "processor.creditCode",
			"processor.ciio", "processor.personalInformationScale", "compliance", "export.description", "export.method",
			"export.dataType", "export.importantDataAuthority", "export.sectors", "export.personsThisYear",
			"export.expectedNext3Years", "export.importantDataVolume");

	private List<Run> value(Document.Builder b, DraftData.Field field, String role) {
		String v = (field.value() == null) ? null : resolve(field.value(), role);
		if (v == null) {
			String what = (field.hint() != null) ? field.hint().in(this.lang) : field.label().in(this.lang);
			return List.of(b.blank(what));
		}
		return List.of(Document.text(v));
	}

	private String resolve(String key, String role) {
		FilingDetails d = this.in.details();
		Scenario s = scenario();
		if (key.startsWith("person.")) {
			return person(role, key.substring("person.".length()));
		}
		int dot = key.indexOf('.');
		if (dot > 0 && ROLES.contains(key.substring(0, dot))) {
			return person(key.substring(0, dot), key.substring(dot + 1));
		}
		FilingDetails.Processor p = d.processor();
		boolean important = s.flags().notifiedImportantData() || d.importantData() != null;
		return switch (key) {
			case "processor.name" -> (p.name() != null) ? p.name() : s.processor().name();
			case "processor.nature" -> choice("nature", p.nature());
			case "processor.ownership" -> choice("ownership", p.ownership());
			case "processor.registeredAddress" -> p.registeredAddress();
			case "processor.officeAddress" -> p.officeAddress();
			case "processor.employees" -> number(p.employees());
			case "processor.creditCode" -> p.creditCode();
			case "processor.ciio" -> phrase(s.processor().ciio() ? "yes" : "no");
			case "processor.personalInformationScale" -> number(p.personalInformationScale());
			case "compliance" -> d.compliance();
			case "export.description" -> d.scenarioDescription();
			case "export.method" -> choice("exportMethod", d.exportMethod());
			case "export.dataType" -> dataType();
			case "export.sectors" -> d.sectors().isEmpty() ? null : String.join(list(), d.sectors());
			case "export.personsThisYear" -> personsThisYear();
			case "export.expectedNext3Years" -> (d.expectedPersonsNext3Years() == null) ? null
					: phrase("persons", "count", number(d.expectedPersonsNext3Years()));
			case "export.importantDataAuthority" -> (d.importantData() != null && d.importantData().identifiedBy() != null)
					? d.importantData().identifiedBy() : important ? null : phrase("importantDataNone");
			case "export.importantDataVolume" -> (d.importantData() != null && d.importantData().volume() != null)
					? d.importantData().volume() : important ? null : phrase("importantDataNone");
			default -> throw new IllegalStateException("no value for " + key);
		};
	}

	private String person(String role, String field) {
		FilingDetails d = this.in.details();
		FilingDetails.Person p = switch (role) {
			case "legalRepresentative" -> d.legalRepresentative();
			case "securityLead" -> d.securityLead();
			default -> d.agent();
		};
		return switch (field) {
			case "name" -> p.name();
			case "title" -> p.title();
			case "nationality" -> p.nationality();
			case "phone" -> p.phone();
			case "email" -> p.email();
			case "idType" -> p.idType();
			default -> p.department();
		};
	}

	private String dataType() {
		Scenario s = scenario();
		List<String> kinds = new ArrayList<>();
		if (!this.in.decision().items().isEmpty() && !s.data().isEmpty()) {
			kinds.add(phrase("dataTypeListed", "items", joinNumbers(s.data().stream().map(Scenario.DataEntry::item).toList())));
		}
		long persons = s.personalInformation().stream().mapToLong(g -> g.individuals() + g.sensitiveIndividuals()).sum();
		long sensitive = s.personalInformation().stream().mapToLong(Scenario.PiGroup::sensitiveIndividuals).sum();
		if (persons > 0) {
			kinds.add(phrase((sensitive > 0) ? "dataTypeSensitive" : "dataTypePi"));
		}
		if (s.flags().notifiedImportantData() || this.in.details().importantData() != null) {
			kinds.add(phrase("dataTypeImportant"));
		}
		return kinds.isEmpty() ? null : String.join("en".equals(this.lang) ? "; " : "；", kinds);
	}

	private String personsThisYear() {
		Decision.Cumulative c = this.in.decision().cumulative();
		if (c == null) {
			return null;
		}
		return phrase("counts", "individuals", number(c.individuals()), "sensitive", number(c.sensitiveIndividuals()));
	}

	// ---- paragraphs Outbound writes

	private void known(Document.Builder b, String key) {
		Decision decision = this.in.decision();
		Scenario s = scenario();
		switch (key) {
			case "generated" -> {
				Decision.PackRef pack = decision.rulePack();
				String hash = (pack.contentHash() == null) ? "" : pack.contentHash().replaceFirst("^sha256:", "");
				b.paragraph(phrase("generated", "date", this.in.today(), "exportDate", s.date(), "pack", pack.id(),
						"edition", pack.edition(), "inForce", pack.inForceFrom(), "hash",
						"sha256:" + hash.substring(0, Math.min(12, hash.length()))));
			}
			case "decision.outcome" -> {
				String items = decision.items().isEmpty() ? phrase("noItems")
						: phrase("outcomeItems", "items", joinNumbers(decision.items()));
				b.paragraph(Document.strong(phrase("outcome", "mechanism", decision.outcome().label().in(this.lang))),
						Document.text(items));
			}
			case "decision.findings" -> {
				for (Decision.Finding f : decision.findings()) {
					Citation c = f.citation();
					String title = (c != null) ? c.fullTitle().in(this.lang) : f.rule();
					b.paragraph(phrase("finding", "rule", f.rule(), "title", title, "because",
							Explanations.render(f.because(), this.lang)));
					Text quote = (f.quote() != null) ? f.quote() : (c != null) ? c.text() : null;
					if (quote != null && !quote.isEmpty()) {
						boolean verbatim = c == null || c.verbatim();
						b.paragraph(phrase(verbatim ? "quote" : "quoteSummary", "quote", quote.in(this.lang)));
					}
				}
			}
			case "decision.obligations" -> {
				for (Decision.Due due : decision.obligations()) {
					String basis = (due.citation() != null) ? due.citation().fullTitle().in(this.lang)
							: due.obligation().rule();
					b.paragraph(phrase("obligation", "text", due.obligation().text().in(this.lang), "basis", basis));
				}
			}
			case "processor.summary" -> {
				String name = resolve("processor.name", null);
				b.paragraph(Document.strong(name + ("en".equals(this.lang) ? ". " : "。")),
						Document.text(phrase("ciio", "answer", phrase(s.processor().ciio() ? "ciioYes" : "ciioNo"))));
			}
			case "scenario.data" -> {
				int n = 1;
				for (Scenario.DataEntry e : s.data()) {
					String description = (e.description() == null || e.description().isBlank()) ? ""
							: phrase("dataDescription", "text", e.description());
					b.paragraph(phrase("dataEntry", "n", n++, "item", e.item(), "description", description));
				}
				n = 1;
				for (Scenario.PiGroup g : s.personalInformation()) {
					b.paragraph(phrase("group", "n", n++, "individuals", number(g.individuals() + g.sensitiveIndividuals()),
							"sensitive", number(g.sensitiveIndividuals()), "basis", g.basis().name()));
				}
			}
			case "counts.thisYear" -> {
				Decision.Cumulative c = decision.cumulative();
				if (c == null) {
					return;
				}
				List<Run> runs = new ArrayList<>();
				runs.add(Document.text(personsThisYear()));
				Scenario.Counts prior = (c.prior() != null) ? c.prior() : Scenario.Counts.ZERO;
				String source = switch (c.source()) {
					case LEDGER -> phrase("countsSourceLedger", "prior", number(prior.individuals()), "priorSensitive",
							number(prior.sensitiveIndividuals()), "processor", s.processor().id());
					case SCENARIO -> phrase("countsSourceScenario", "prior", number(prior.individuals()),
							"priorSensitive", number(prior.sensitiveIndividuals()));
					case NONE -> phrase("countsSourceNone");
				};
				runs.add(Document.text(source));
				if (c.exemptBasesCounted()) {
					runs.add(Document.text(phrase("exemptCounted")));
				}
				b.paragraph(runs);
			}
			case "ledger.history" -> {
				LedgerHistory h = this.in.ledger();
				if (h == null) {
					b.paragraph(phrase("ledgerNotConsulted"));
				}
				else if (h.events().isEmpty()) {
					b.paragraph(phrase("ledgerNone"));
				}
				else {
					b.paragraph(phrase("ledgerIntro", "processor", h.processor(), "asOf", h.asOf()));
					List<List<List<Run>>> rows = new ArrayList<>();
					int n = 1;
					for (LedgerHistory.Event e : h.events()) {
						rows.add(List.of(List.of(Document.text(String.valueOf(n++))),
								List.of(Document.text(phrase("ledgerEvent", "date", e.date(), "key", e.key(), "persons",
										number(e.persons()), "fresh", number(e.newThisYear()))))));
					}
					b.table(List.of(phrase("number"), phrase("value")), List.of(1, 8), rows);
				}
			}
			case "forecast" -> {
				Long f = this.in.details().expectedPersonsNext3Years();
				if (f == null) {
					b.paragraph(b.blank(phrase("forecastBlank")));
				}
				else {
					b.paragraph(phrase("forecast", "count", number(f)));
				}
			}
			case "recipient.summary" -> {
				List<FilingDetails.Recipient> rs = this.in.details().recipients();
				if (!rs.isEmpty()) {
					for (FilingDetails.Recipient r : rs) {
						b.paragraph(Document.strong(orBlank(r.name())), Document.text(list() + orBlank(r.country())));
					}
				}
				else if (s.recipient() != null && s.recipient().name() != null) {
					b.paragraph(phrase("recipientFromScenario", "name", s.recipient().name(), "country",
							(s.recipient().country() == null) ? "" : s.recipient().country()));
				}
				else {
					b.paragraph(b.blank(phrase("recipientBlank")));
				}
			}
			default -> throw new IllegalStateException("no known paragraph " + key);
		}
	}

	private String orBlank(String s) {
		return (s == null) ? new Run.Placeholder("", "en".equals(this.lang)).text() : s;
	}

	// ---- tables

	private void table(Document.Builder b, DraftData.TableSpec spec) {
		List<Map<String, String>> rows = new ArrayList<>();
		Scenario s = scenario();
		if (spec.source().equals("recipients")) {
			for (FilingDetails.Recipient r : this.in.details().recipients()) {
				rows.add(row("name", r.name(), "country", r.country(), "address", r.address(), "business", r.business(),
						"contact", r.contact(), "contactDetails", r.contactDetails()));
			}
			if (rows.isEmpty() && s.recipient() != null) {
				rows.add(row("name", s.recipient().name(), "country", s.recipient().country()));
			}
		}
		else {
			for (FilingDetails.DataItemRow r : this.in.details().dataItems()) {
				rows.add(row("name", r.name(), "description", r.description(), "necessity", r.necessity(), "example",
						r.example(), "remark", r.remark()));
			}
			if (rows.isEmpty()) {
				for (Scenario.DataEntry e : s.data()) {
					rows.add(row("description", e.description(), "remark",
							phrase("dataEntry", "n", rows.size() + 1, "item", e.item(), "description", "")));
				}
			}
		}
		if (rows.isEmpty()) {
			rows.add(Map.of());
		}
		List<List<List<Run>>> cells = new ArrayList<>();
		int n = 1;
		for (Map<String, String> row : rows) {
			List<List<Run>> line = new ArrayList<>();
			for (DraftData.Field c : spec.columns()) {
				String v = "index".equals(c.value()) ? String.valueOf(n) : row.get(c.value());
				line.add(List.of((v != null) ? Document.text(v) : b.blank(c.label().in(this.lang))));
			}
			cells.add(line);
			n++;
		}
		b.table(spec.columns().stream().map(c -> c.label().in(this.lang)).toList(),
				spec.columns().stream().map(DraftData.Field::width).toList(), cells);
	}

	private static Map<String, String> row(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			if (kv[i + 1] != null) {
				m.put(kv[i], kv[i + 1]);
			}
		}
		return m;
	}

	// ---- the materials checklist

	private Document materials(DraftData.Spec spec, List<Draft> docs) {
		DraftData.Materials m = spec.materials();
		Document.Builder b = Document.builder(m.title().in(this.lang), this.lang);
		b.paragraph(m.note().in(this.lang));
		Map<String, Draft> byId = new LinkedHashMap<>();
		docs.forEach(d -> byId.put(d.id(), d));
		List<List<List<Run>>> rows = new ArrayList<>();
		int n = 1;
		for (DraftData.Material item : m.items()) {
			Draft d = (item.document() != null) ? byId.get(item.document()) : null;
			String status = (d == null) ? phrase("materialMissing")
					: (d.blanks() == 0) ? phrase("materialReady", "file", d.baseName())
							: phrase("materialDrafted", "file", d.baseName(), "count", d.blanks());
			rows.add(List.of(List.of(Document.text(String.valueOf(n++))), List.of(Document.text(item.name().in(this.lang))),
					List.of((d == null) ? Document.strong(status) : Document.text(status)),
					List.of(Document.text((item.note() == null) ? "" : item.note().in(this.lang)))));
		}
		b.table(List.of(phrase("number"), phrase("material"), phrase("status"), phrase("note")), List.of(1, 5, 4, 3),
				rows);
		b.paragraph(phrase("materialsSource", "source", m.source().in(this.lang)));
		return b.build();
	}

	// ---- words

	private Scenario scenario() {
		return this.in.decision().scenario();
	}

	private String choice(String name, Enum<?> value) {
		return (value == null) ? null : this.common.choices().get(name).get(value.name()).in(this.lang);
	}

	private String phrase(String key, Object... args) {
		Text t = this.common.phrases().get(key);
		if (t == null) {
			throw new IllegalStateException("no phrase " + key + " in " + DraftData.COMMON);
		}
		String s = t.in(this.lang);
		for (int i = 0; i < args.length; i += 2) {
			s = s.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
		}
		return s;
	}

	private String list() {
		return "en".equals(this.lang) ? ", " : "、";
	}

	private String joinNumbers(List<Integer> numbers) {
		return String.join(list(), numbers.stream().map(String::valueOf).toList());
	}

	private static String number(Long n) {
		return (n == null) ? null : String.format(java.util.Locale.ROOT, "%,d", n);
	}

	private static String number(long n) {
		return String.format(java.util.Locale.ROOT, "%,d", n);
	}

}
