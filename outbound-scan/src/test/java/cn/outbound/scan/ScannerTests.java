package cn.outbound.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.tables.TableFormatException;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.tables.JdbcSource;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.TextSource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every name and number here is synthetic. */
class ScannerTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final String PATIENTS = """
			患者姓名,身份证号,手机,诊断,就诊科室
			张伟,11010519491231002X,13812345678,2型糖尿病,内分泌科
			王秀英,120101201501010021,13912345678,急性支气管炎,儿科
			李强,110105491231002,+86 138 1234 5678,高血压,心内科
			""";

	@TempDir
	Path dir;

	private static ScanReport scan(String csv, String name, ScanSettings settings) throws IOException {
		try (TextSource source = new TextSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), name)) {
			return new Scanner(settings).scan(source);
		}
	}

	@Test
	void reportsTypesSensitivityPersonsAndMinors() throws IOException {
		ScanReport r = scan(PATIENTS, "emr_patients.csv", ScanSettings.defaults(AS_OF));
		assertThat(r.schema()).isEqualTo("outbound/scan/v1");
		assertThat(r.rows()).isEqualTo(3);
		assertThat(r.columns()).extracting(ScanReport.Column::name)
			.containsExactly("患者姓名", "身份证号", "手机", "诊断", "就诊科室");
		assertThat(r.columns().get(1).types()).containsExactly("CN_RESIDENT_ID");
		assertThat(r.columns().get(1).sensitive()).isFalse();
		assertThat(r.columns().get(1).sample()).allMatch(s -> s.contains("*")).noneMatch(s -> s.contains("19491231"));
		assertThat(r.columns().get(2).types()).containsExactly("CN_MOBILE");
		assertThat(r.columns().get(3).types()).containsExactly("HEALTH");
		assertThat(r.columns().get(3).sensitive()).isTrue();
		assertThat(r.columns().get(4).types()).isEmpty();
		// 11010519491231002X and its legacy form 110105491231002 are one person
		assertThat(r.persons().distinct()).isEqualTo(2);
		assertThat(r.persons().minors()).isEqualTo(1);
		assertThat(r.persons().sensitiveIndividuals()).isEqualTo(2);
		assertThat(r.persons().individuals()).isEqualTo(1);
		assertThat(r.suggestedItems()).extracting(ScanReport.SuggestedItem::item).contains(31);
		assertThat(r.suggestedItems()).allMatch(s -> s.status().startsWith("SUGGESTED"));
	}

	@Test
	void handsEveryPersonOverWithTheirClasses() throws IOException {
		Scanner scanner = new Scanner(ScanSettings.defaults(AS_OF));
		try (TextSource source = new TextSource(new ByteArrayInputStream(PATIENTS.getBytes(StandardCharsets.UTF_8)),
				"p.csv")) {
			scanner.scan(source);
		}
		java.util.Map<String, String> persons = new java.util.TreeMap<>();
		long skipped = scanner.forEachPerson((kind, id, nonSensitive, sensitive) -> persons.put(id,
				kind + (nonSensitive ? " non-sensitive" : "") + (sensitive ? " sensitive" : "")));
		assertThat(skipped).isZero();
		assertThat(persons).containsExactly(java.util.Map.entry("11010519491231002X", "RESIDENT_ID non-sensitive sensitive"),
				java.util.Map.entry("120101201501010021", "RESIDENT_ID sensitive"));
		Scanner emails = new Scanner(ScanSettings.defaults(AS_OF)).retainIdentifiers(true);
		try (TextSource source = new TextSource(
				new ByteArrayInputStream("邮箱\nA@example.com\na@example.com\nb@example.com\n".getBytes(StandardCharsets.UTF_8)),
				"e.csv")) {
			emails.scan(source);
		}
		java.util.List<String> ids = new java.util.ArrayList<>();
		emails.forEachPerson((kind, id, nonSensitive, sensitive) -> ids.add(id));
		assertThat(ids).containsExactlyInAnyOrder("a@example.com", "b@example.com");
	}

	@Test
	void gbT35273MakesTheIdNumberSensitive() throws IOException {
		ScanReport r = scan(PATIENTS, "p.csv", ScanSettings.defaults(AS_OF).withStandard(SensitivityStandard.GB_T_35273));
		assertThat(r.columns().get(1).sensitive()).isTrue();
		assertThat(r.details().standard()).isEqualTo("GB_T_35273");
	}

	@Test
	void draftScenarioIsAcceptedByTheRuleEngine() throws IOException {
		ScanReport r = scan(PATIENTS, "emr.csv",
				ScanSettings.defaults(AS_OF).withDescription("电子病历 export for the EMR vendor").withAcceptSuggestions(true));
		RulePacks packs = RulePacks.builtIn();
		byte[] json = ReportJson.writeScenario(r).getBytes(StandardCharsets.UTF_8);
		Decision decision = new Engine(packs).decide(new ScenarioReader(packs).read(json, "draft.json"));
		assertThat(decision.items()).contains(46);
		ScanReport plain = scan(PATIENTS, "emr.csv", ScanSettings.defaults(AS_OF));
		assertThat(plain.scenario().get("data")).isEqualTo(List.of());
		new ScenarioReader(packs).read(ReportJson.writeScenario(plain).getBytes(StandardCharsets.UTF_8), "plain.json");
	}

	@Test // QA: no identifier column, so the draft had no personal information and assess answered EXEMPT
	void aDraftWhosePersonsCouldNotBeCountedIsNotAssessable() throws IOException {
		String csv = "姓名,诊断\n张伟,2型糖尿病\n王芳,急性支气管炎\n李娜,高血压\n";
		ScanReport r = scan(csv, "visits.csv", ScanSettings.defaults(AS_OF));
		assertThat(r.persons().identifierColumns()).isEmpty();
		assertThat(r.columns().get(1).types()).containsExactly("HEALTH");
		assertThat(r.scenarioStatus().assessable()).isFalse();
		assertThat(r.scenarioStatus().problems()).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("persons-not-counted");
			assertThat(p.message().en()).contains("--id-column", "诊断");
			assertThat(p.message().zh()).contains("--id-column");
		});
		assertThat(r.details().warnings()).first().asString().contains("--id-column");
		assertThat(ReportText.render(r)).contains("WARNING: the draft scenario is not assessable");
		assertThat(ReportJson.write(r)).contains("\"scenarioStatus\"", "\"assessable\" : false");
		// counted persons, or no personal information at all: the draft is assessable
		assertThat(scan(PATIENTS, "p.csv", ScanSettings.defaults(AS_OF)).scenarioStatus().assessable()).isTrue();
		ScanReport none = scan("订单号,金额\nSO1001,10.00\nSO1002,20.00\n", "orders.csv", ScanSettings.defaults(AS_OF));
		assertThat(none.scenarioStatus()).isEqualTo(ScanReport.ScenarioStatus.OK);
		assertThat(none.details().warnings()).isEmpty();
	}

	@Test
	void suggestsItemsFromNamesValuesAndDescription() throws IOException {
		String csv = "loan_id,贷款金额,产品类型\nL1,1000.00,个人住房贷款\nL2,2000.00,消费贷款\n";
		ScanReport r = scan(csv, "bank_loans.csv", ScanSettings.defaults(AS_OF).withDescription("遥感影像 and source code"));
		assertThat(r.suggestedItems()).extracting(ScanReport.SuggestedItem::item).contains(4, 15, 20);
		ScanReport.SuggestedItem loans = r.suggestedItems().stream().filter(s -> s.item() == 20).findFirst().orElseThrow();
		assertThat(loans.confidence()).isEqualTo("high");
		assertThat(loans.because().zh()).contains("贷款");
		assertThat(loans.because().en()).contains("loan");
	}

	@Test
	void countsRaggedRowsAndKeepsGoing() throws IOException {
		String csv = "姓名,手机\n张伟,13812345678\n王芳\n李娜,13912345678,extra\n";
		ScanReport r = scan(csv, "r.csv", ScanSettings.defaults(AS_OF));
		assertThat(r.rows()).isEqualTo(3);
		assertThat(r.details().problemCounts()).containsEntry("RAGGED_ROW", 2L);
		assertThat(r.details().firstProblems()).first().asString().startsWith("line 3");
	}

	@Test
	void rejectsWhatIsNotATable() {
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> new TextSource(new ByteArrayInputStream(new byte[] { 0, 1, 2 }), "x.bin"));
	}

	@Test
	void usesTheGivenIdentifierColumn() throws IOException {
		String csv = "cust_no,邮箱\nA-1,a1@example.com\nA-1,a2@example.com\nB-2,b@example.com\n";
		ScanReport auto = scan(csv, "c.csv", ScanSettings.defaults(AS_OF));
		assertThat(auto.persons().identifierColumns()).containsExactly("邮箱");
		assertThat(auto.persons().distinct()).isEqualTo(3);
		ScanReport given = scan(csv, "c.csv", ScanSettings.defaults(AS_OF).withIdColumns(List.of("cust_no")));
		assertThat(given.persons().distinct()).isEqualTo(2);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> scan(csv, "c.csv", ScanSettings.defaults(AS_OF).withIdColumns(List.of("nope"))))
			.withMessageContaining("nope");
	}

	@Test
	void readsJsonLines() throws IOException {
		String jsonl = "{\"name\":\"张伟\",\"id\":\"11010519491231002X\"}\n{\"name\":\"王芳\",\"id\":\"120101201501010021\"}\n";
		ScanReport r = scan(jsonl, "people.jsonl", ScanSettings.defaults(AS_OF));
		assertThat(r.columns().get(1).types()).containsExactly("CN_RESIDENT_ID");
		assertThat(r.persons().distinct()).isEqualTo(2);
	}

	@Test // QA: {"a":1} on the first line, then lines with "phone": the mobiles were dropped as UNKNOWN_KEY
	void findsPersonalInformationUnderKeysTheFirstJsonLineLacks() throws IOException {
		StringBuilder jsonl = new StringBuilder("{\"a\":1}\n");
		for (int i = 0; i < 200; i++) {
			jsonl.append(String.format("{\"a\":%d,\"phone\":\"138%08d\"}%n", i, i));
		}
		ScanReport r = scan(jsonl.toString(), "events.jsonl", ScanSettings.defaults(AS_OF));
		assertThat(r.columns()).extracting(ScanReport.Column::name).containsExactly("a", "phone");
		assertThat(r.columns().get(1).types()).containsExactly("CN_MOBILE");
		assertThat(r.persons().distinct()).isEqualTo(200);
		assertThat(r.details().problems()).isZero();
	}

	@Test
	void streamsAnExcelWorkbook() throws IOException {
		Path file = this.dir.resolve("customers.xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("客户");
			String[][] rows = { { "姓名", "身份证号", "邮箱" }, { "张伟", "11010519491231002X", "zhang@example.com" },
					{ "王芳", "120101201501010021", "wang@example.com" } };
			for (int i = 0; i < rows.length; i++) {
				Row row = sheet.createRow(i);
				for (int j = 0; j < rows[i].length; j++) {
					row.createCell(j).setCellValue(rows[i][j]);
				}
			}
			wb.write(out);
			wb.dispose();
		}
		try (TableSource source = TableSource.open(file)) {
			ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
			assertThat(r.rows()).isEqualTo(2);
			assertThat(r.columns().get(1).types()).containsExactly("CN_RESIDENT_ID");
			assertThat(r.columns().get(2).types()).containsExactly("EMAIL");
			assertThat(r.persons().distinct()).isEqualTo(2);
			assertThat(r.persons().minors()).isEqualTo(1);
		}
	}

	@Test
	void scansADatabaseTable() throws Exception {
		String url = "jdbc:h2:mem:scan" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
			st.execute("create table customers(name varchar(20), mobile varchar(20), religion varchar(20))");
			st.execute("insert into customers values ('张伟','13812345678','佛教'),('王芳','13912345678','基督教'),"
					+ "('李娜','13812345678',null)");
			try (JdbcSource source = new JdbcSource(url, "customers", null, null)) {
				ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
				assertThat(r.rows()).isEqualTo(3);
				assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("mobile"))
					.singleElement()
					.satisfies(col -> assertThat(col.types()).containsExactly("CN_MOBILE"));
				assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("religion"))
					.singleElement()
					.satisfies(col -> assertThat(col.sensitive()).isTrue());
				assertThat(r.persons().distinct()).isEqualTo(2);
				assertThat(r.persons().sensitiveIndividuals()).isEqualTo(2);
			}
		}
	}

	@Test
	void aFileWithoutAHeaderRowNeverShowsItsFirstRecordsIdentifiersAsColumnNames() throws Exception {
		String id = "110105199001010011";
		String csv = id + ",13812345678,zhang.wei@example.cn\n" + "110105198505050015,13912345678,li.na@example.cn\n";
		try (TextSource source = new TextSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				"noheader.csv")) {
			ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
			String text = ReportText.render(r) + ReportJson.write(r);
			assertThat(text).doesNotContain(id).doesNotContain("13812345678").doesNotContain("zhang.wei@");
			assertThat(r.columns().get(0).name()).contains("*");
		}
	}

	@Test
	void aColumnOfFewDistinctIdentifiersDoesNotKeyTheRows() throws Exception {
		// 200 customers by mobile, served by 3 clerks by resident ID: 200 persons, not 3
		String[] clerks = new String[3];
		for (int i = 0; i < 3; i++) {
			String first17 = "11010519" + (80 + i) + "0101001";
			clerks[i] = first17 + cn.outbound.pii.ResidentIdNumber.checkDigit(first17);
		}
		StringBuilder csv = new StringBuilder("经办人身份证,客户手机\n");
		for (int i = 0; i < 200; i++) {
			csv.append(clerks[i % 3]).append(",139").append(String.format("%08d", i)).append('\n');
		}
		try (TextSource source = new TextSource(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
				"clerk.csv")) {
			ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
			assertThat(r.persons().distinct()).as(r.persons() + " " + r.details().warnings()).isEqualTo(200);
			assertThat(r.persons().identifierColumns()).as(r.persons().toString()).containsExactly("客户手机", "经办人身份证");
			assertThat(String.join("\n", r.details().warnings())).contains("经办人身份证").contains("fewer than half");
		}
	}

}
