package cn.outbound.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.SensitiveAttribute;
import cn.outbound.tables.TableProblem;
import cn.outbound.tables.TableProblems;
import cn.outbound.scan.ScanReport.Column;
import cn.outbound.scan.ScanReport.Evidence;
import cn.outbound.scan.ScanReport.Finding;
import cn.outbound.scan.ScanReport.Persons;
import cn.outbound.scan.ScanReport.SuggestedItem;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.tables.SourceWarnings;
import cn.outbound.tables.TableSource;

/** Turns a finished scan into a {@link ScanReport}. */
final class Reports {

	static final String SUGGESTED = "SUGGESTED: for a person to confirm, not a decision";

	private Reports() {
	}

	/** The columns judged: as the report shows them, and per column the types found. */
	record Judged(ColumnProfile[] profiles, List<Column> columns, List<Map<PiType, ColumnProfile.Finding>> findings) {

		/**
		 * Column bit sets ({@link ColumnWorker#columnBit}): {@code [0]} columns holding sensitive information,
		 * {@code [1]} columns holding non-sensitive personal information.
		 */
		long[] masks() {
			return columnMasks(this.columns);
		}

	}

	/** The report of a finished {@link ScanRun} over {@code source}. */
	static ScanReport build(ScanSettings settings, ItemLexicon lexicon, TableSource source, ScanRun run) {
		Judged judged = judge(settings, run.profiles);
		long[] masks = judged.masks();
		PersonCounter.Counts counts = run.persons.count(masks[0], masks[1]);
		List<String> warnings = new ArrayList<>(run.warnings);
		if (source instanceof SourceWarnings w) {
			warnings.addAll(w.warnings());
		}
		return report(settings, lexicon, source.name(), source.describe(), judged, run.rows, run.choice.columns(),
				run.choice.how(), counts, run.rowsWithoutId, source.problems(), warnings);
	}

	/** Judges every column: the types it holds, how sure, on what ground, and its first masked samples. */
	static Judged judge(ScanSettings settings, ColumnProfile[] profiles) {
		List<Column> columns = new ArrayList<>();
		List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
		for (ColumnProfile p : profiles) {
			Map<PiType, ColumnProfile.Finding> found = p.judge(ColumnWorker.DETECTORS);
			judged.add(found);
			List<String> types = new ArrayList<>();
			List<Finding> findings = new ArrayList<>();
			List<String> sample = new ArrayList<>();
			boolean sensitive = false;
			long matched = 0;
			for (ColumnProfile.Finding f : found.values()) {
				boolean s = settings.standard().isSensitive(f.type());
				sensitive |= s;
				types.add(f.type().id());
				findings.add(new Finding(f.type().id(), f.matched(), round(f.share()), f.confidence(), s, f.basis()));
				matched += f.matched();
				for (String m : p.samples(f.type())) {
					if (sample.size() < ColumnProfile.SAMPLES) {
						sample.add(m);
					}
				}
			}
			List<ScanReport.AttributeFinding> attributes = found.isEmpty() ? attributes(settings, p) : List.of();
			for (ScanReport.AttributeFinding a : attributes) {
				sensitive |= a.sensitive();
			}
			columns.add(new Column(p.name, types, sensitive, Math.min(matched, p.nonEmpty), p.nonEmpty, sample, findings,
					attributes));
		}
		return new Judged(profiles, columns, judged);
	}

	/**
	 * The sensitive attributes of a column: named by its header and borne out by at least
	 * {@link SensitiveAttribute#SHARE_NEEDED} of its first values. A column of identifiers holds none (its header
	 * may say 账户, its values say card number).
	 */
	static List<ScanReport.AttributeFinding> attributes(ScanSettings settings, ColumnProfile p) {
		List<ScanReport.AttributeFinding> out = new ArrayList<>();
		if (p.values.isEmpty()) {
			return out;
		}
		for (SensitiveAttribute a : SensitiveAttribute.values()) {
			String word = a.namedBy(p.name);
			if (word == null) {
				continue;
			}
			int n = p.values.size();
			int shaped = a.bearingOut(p.values);
			if (shaped < SensitiveAttribute.SHARE_NEEDED * n) {
				continue;
			}
			out.add(new ScanReport.AttributeFinding(a.id(), new Text(a.zh(), a.en()),
					settings.standard().isSensitive(a),
					new Text("列名含“" + word + "”，前 " + n + " 个值中 " + shaped + " 个为金额或数值",
							"the header says \"" + word + "\" and " + shaped + " of the first " + n
									+ " values are amounts")));
		}
		return out;
	}

	/**
	 * The report of a table (from one machine's scan or Spark's merged partitions) from its judged columns, the
	 * identifier columns, the persons counted and the problems met.
	 * @param warnings the scan's warnings, after those of the draft's status
	 */
	static ScanReport report(ScanSettings settings, ItemLexicon lexicon, String name, String describe, Judged judged,
			long rows, List<Integer> idColumns, String idHow, PersonCounter.Counts counts, long rowsWithoutId,
			TableProblems problems, List<String> warnings) {
		List<String> idNames = new ArrayList<>();
		for (int c : idColumns) {
			idNames.add(judged.profiles()[c].name);
		}
		Persons personsReport = new Persons(idNames, counts.distinct(), counts.minors(), counts.individuals(),
				counts.sensitiveIndividuals(), idColumns.isEmpty() ? 0 : rowsWithoutId,
				idColumns.isEmpty() ? "no identifier column found; persons not counted" : idHow);
		List<SuggestedItem> suggestions = suggest(settings, lexicon, name, judged.profiles(), judged.findings());
		Map<String, Object> scenario = scenario(settings, suggestions, counts);
		ScanReport.ScenarioStatus status = status(judged.columns(), idNames, counts);
		List<String> first = new ArrayList<>();
		for (TableProblem p : problems.first()) {
			if (first.size() < 20) {
				first.add(p.toString());
			}
		}
		List<String> allWarnings = new ArrayList<>();
		for (ScanReport.ScenarioProblem p : status.problems()) {
			allWarnings.add(p.message().en());
		}
		allWarnings.addAll(warnings);
		ScanReport.Details details = new ScanReport.Details(describe, settings.standard().name(),
				settings.asOf().toString(), problems.total(), problemCounts(problems.counts()), first,
				List.copyOf(allWarnings));
		return new ScanReport(ScanReport.SCHEMA, name, rows, judged.columns(), personsReport, suggestions, scenario,
				details, status);
	}

	private static Map<String, Long> problemCounts(Map<TableProblem.Kind, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		counts.forEach((k, v) -> out.put(k.name(), v));
		return out;
	}

	/** Code of the problem of a draft whose personal information has no counted persons. */
	static final String PERSONS_NOT_COUNTED = "persons-not-counted";

	/**
	 * A draft is not assessable when the table holds personal information but no person was
	 * counted: its {@code personalInformation} would be empty and {@code outbound assess} would
	 * decide as if the export carried none (EXEMPT). A table without personal information has
	 * nothing to count, and its draft is fine.
	 */
	static ScanReport.ScenarioStatus status(List<Column> columns, List<String> idNames, PersonCounter.Counts counts) {
		List<String> personal = new ArrayList<>();
		for (Column c : columns) {
			for (Finding f : c.findings()) {
				if (PiType.valueOf(f.type()).isPersonal()) {
					personal.add(c.name());
					break;
				}
			}
		}
		if (personal.isEmpty() || counts.distinct() > 0) {
			return ScanReport.ScenarioStatus.OK;
		}
		String shown = String.join(", ", personal.subList(0, Math.min(10, personal.size())))
				+ ((personal.size() > 10) ? ", …" : "");
		String whyEn = idNames.isEmpty()
				? "no identifier column (resident ID, passport, mobile or e-mail number) was found"
				: "the identifier column(s) " + String.join(", ", idNames) + " held no valid identifier";
		String whyZh = idNames.isEmpty() ? "未找到可标识个人的列（身份证号、护照号、手机号或电子邮箱）"
				: "标识列" + String.join("、", idNames) + "中没有有效的标识";
		String en = "personal information was found (columns " + shown + ") but its persons could not be counted: "
				+ whyEn + ". The draft scenario therefore has no personal-information group and must not be assessed"
				+ " as it is (it would be decided as if the export held no personal information): rescan with"
				+ " --id-column NAME naming the column that identifies a person, or state the number of persons"
				+ " yourself in the scenario's personalInformation.";
		String zh = "发现个人信息（列：" + String.join("、", personal.subList(0, Math.min(10, personal.size())))
				+ ((personal.size() > 10) ? "等" : "") + "），但无法统计个人数量：" + whyZh
				+ "。草拟情景因此没有个人信息组，不能直接用于评估（否则会按不含个人信息判断）：请用 --id-column 指定标识个人的列后重新扫描，"
				+ "或自行在情景的 personalInformation 中填写人数。";
		return new ScanReport.ScenarioStatus(false,
				List.of(new ScanReport.ScenarioProblem(PERSONS_NOT_COUNTED, new Text(zh, en))));
	}

	/**
	 * Column bit sets ({@link ColumnWorker#columnBit}): {@code [0]} columns holding sensitive
	 * information, {@code [1]} columns holding non-sensitive personal information.
	 */
	static long[] columnMasks(List<Column> columns) {
		long sensitive = 0;
		long other = 0;
		for (int i = 0; i < columns.size(); i++) {
			long bit = ColumnWorker.columnBit(i);
			for (ScanReport.AttributeFinding a : columns.get(i).attributes()) {
				if (a.sensitive()) {
					sensitive |= bit;
				}
			}
			for (Finding f : columns.get(i).findings()) {
				if (f.sensitive()) {
					sensitive |= bit;
				}
				else if (PiType.valueOf(f.type()).isPersonal()) {
					other |= bit;
				}
			}
		}
		return new long[] { sensitive, other };
	}

	private static double round(double share) {
		return Math.round(share * 10_000) / 10_000.0;
	}

	static List<SuggestedItem> suggest(ScanSettings settings, ItemLexicon lexicon, String sourceName,
			ColumnProfile[] profiles, List<Map<PiType, ColumnProfile.Finding>> judged) {
		Map<Integer, List<Evidence>> evidence = new TreeMap<>();
		Map<Integer, ItemLexicon.Entry> entries = new TreeMap<>();
		Map<Integer, Integer> score = new TreeMap<>();
		for (ItemLexicon.Entry e : lexicon.entries()) {
			entries.put(e.item(), e);
			String term = ItemLexicon.find(e, settings.description());
			if (term != null) {
				add(evidence, score, e.item(), new Evidence("description", term), 2);
			}
			term = ItemLexicon.find(e, baseName(sourceName));
			if (term != null) {
				add(evidence, score, e.item(), new Evidence("table name " + sourceName, term), 1);
			}
			for (int i = 0; i < profiles.length; i++) {
				ColumnProfile p = profiles[i];
				term = ItemLexicon.find(e, p.name);
				if (term != null) {
					add(evidence, score, e.item(), new Evidence("column name " + p.name, term), 1);
				}
				if (!judged.get(i).isEmpty()) {
					// values of a personal-information column are never searched or quoted
					continue;
				}
				for (String v : p.values) {
					term = ItemLexicon.find(e, v);
					if (term != null) {
						add(evidence, score, e.item(), new Evidence("values of column " + p.name, term), 1);
						break;
					}
				}
			}
		}
		for (int i = 0; i < profiles.length; i++) {
			if (judged.get(i).containsKey(PiType.HEALTH)) {
				add(evidence, score, 31, new Evidence("column " + profiles[i].name + " holds health information",
						PiType.HEALTH.id()), 2);
			}
		}
		List<SuggestedItem> out = new ArrayList<>();
		for (Map.Entry<Integer, List<Evidence>> e : evidence.entrySet()) {
			ItemLexicon.Entry entry = entries.get(e.getKey());
			int s = score.get(e.getKey());
			String confidence = (s >= 3) ? "high" : (s == 2) ? "medium" : "low";
			StringBuilder zh = new StringBuilder("可能属于清单第" + entry.item() + "项（" + entry.labelZh() + "）：");
			StringBuilder en = new StringBuilder("May fall under list item " + entry.item() + " (" + entry.labelEn() + "): ");
			for (int i = 0; i < e.getValue().size(); i++) {
				Evidence ev = e.getValue().get(i);
				zh.append(i > 0 ? "；" : "").append("“").append(ev.term()).append("”见于").append(whereZh(ev.where()));
				en.append(i > 0 ? "; " : "").append('"').append(ev.term()).append("\" in ").append(ev.where());
			}
			zh.append("。请人工确认。");
			en.append(". Please confirm.");
			out.add(new SuggestedItem(entry.item(), new Text(zh.toString(), en.toString()), confidence, SUGGESTED,
					e.getValue()));
		}
		return out;
	}

	private static String whereZh(String where) {
		if (where.equals("description")) {
			return "数据描述";
		}
		if (where.startsWith("table name ")) {
			return "表名“" + where.substring(11) + "”";
		}
		if (where.startsWith("column name ")) {
			return "列名“" + where.substring(12) + "”";
		}
		if (where.startsWith("values of column ")) {
			return "列“" + where.substring(17) + "”的取值";
		}
		if (where.startsWith("column ")) {
			return "列“" + where.substring(7, where.indexOf(" holds")) + "”（含医疗健康信息）";
		}
		return where;
	}

	/** The name without its file extension: {@code loans.csv} → {@code loans}; {@code book.xlsx [贷款]} stays whole. */
	static String baseName(String name) {
		int dot = name.lastIndexOf('.');
		if (dot <= 0) {
			return name;
		}
		for (int i = dot + 1; i < name.length(); i++) {
			if (!Character.isLetterOrDigit(name.charAt(i))) {
				return name;
			}
		}
		return name.substring(0, dot);
	}

	private static void add(Map<Integer, List<Evidence>> evidence, Map<Integer, Integer> score, int item, Evidence e,
			int weight) {
		List<Evidence> list = evidence.computeIfAbsent(item, k -> new ArrayList<>());
		if (list.size() < 6) {
			list.add(e);
		}
		score.merge(item, weight, Integer::sum);
	}

	/**
	 * The report's draft scenario ({@link DraftScenario}), with every suggestion declared when they are accepted, under
	 * the built-in edition in force on the as-of date.
	 */
	static Map<String, Object> scenario(ScanSettings settings, List<SuggestedItem> suggestions,
			PersonCounter.Counts counts) {
		ScanReport.Persons persons = new ScanReport.Persons(List.of(), counts.distinct(), counts.minors(),
				counts.individuals(), counts.sensitiveIndividuals(), 0, "");
		return DraftScenario.of(persons, settings.acceptSuggestions() ? suggestions : List.of(), settings.asOf(),
				DraftScenario.pack(RulePacks.builtIn(), settings.asOf()), s -> s.because().en());
	}

}
