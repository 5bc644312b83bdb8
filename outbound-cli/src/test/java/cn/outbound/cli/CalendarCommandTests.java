package cn.outbound.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound calendar workdays|is-workday|list|validate}, run as a user runs them. Expected dates were worked out
 * by hand from docs/source/filing.md §1.
 */
class CalendarCommandTests {

	@Test
	void workdaysAsFilingMdsExample() {
		// 29, 30 Sep; 1-7 Oct off; 8, 9; Sat 10 Oct worked; 12-16
		CliRun run = CliRun.run("calendar", "workdays", "2026-09-28", "10");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).isEqualTo("""
				2026-09-28 之后第 10 个工作日（自次日起算）：2026-10-16
				依据：2026 年：国务院办公厅通知（2025-11-04）
				""");
	}

	@Test
	void workdaysAsJson() {
		CliRun run = CliRun.run("calendar", "workdays", "2025-01-24", "5", "--format", "json");
		assertThat(run.exit()).isZero();
		// Sun 26 Jan worked, Mon 27, 28 Jan - 4 Feb off, 5, 6, 7 Feb
		assertThat(run.out()).isEqualTo("""
				{
				  "from": "2025-01-24",
				  "workingDays": 5,
				  "date": "2025-02-07",
				  "provisional": false,
				  "calendars": [2025]
				}
				""");
	}

	@Test
	void backwardsWithANegativeCount() {
		// 8 Oct .. 1 Oct 2025 off; Tue 30 Sep; Mon 29; Sun 28 Sep worked
		CliRun run = CliRun.run("calendar", "workdays", "2025-10-09", "-3", "--lang", "en");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("3 working days before 2025-10-09 (counting back from the day before): 2025-09-28\n");
	}

	@Test
	void pastTheLastLoadedYearTheAnswerIsAnEstimateAndSaysSo() {
		CliRun run = CliRun.run("calendar", "workdays", "2026-12-24", "10", "--format", "json");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("\"date\": \"2027-01-07\"").contains("\"provisional\": true")
			.contains("\"calendars\": [2026]").contains("\"estimated\": [2027]").contains("\"note\": {");
		CliRun text = CliRun.run("calendar", "workdays", "2026-12-24", "10", "--lang", "en");
		assertThat(text.out()).startsWith("10 working days after 2026-12-24 (counting from the next day): 2027-01-07*\n")
			.contains("* An estimate: the count runs through 2027");
	}

	@Test
	void isWorkdaySaysWhy() {
		CliRun worked = CliRun.run("calendar", "is-workday", "2025-01-26");
		assertThat(worked.out()).isEqualTo(
				"2025-01-26  工作日：调休上班（星期日，春节调休），依据国务院办公厅通知（国办发明电〔2024〕12号，2024-11-12）\n");
		CliRun json = CliRun.run("calendar", "is-workday", "2026-10-07", "--format", "json");
		assertThat(json.out()).contains("\"date\": \"2026-10-07\"").contains("\"workday\": false")
			.contains("\"kind\": \"HOLIDAY\"").contains("\"zh\": \"国庆\"").contains("\"calendar\": 2026")
			.contains("\"provisional\": false");
		CliRun weekend = CliRun.run("calendar", "is-workday", "2026-10-11", "--lang", "en");
		assertThat(weekend.out()).isEqualTo("2026-10-11  not a working day: weekend (Sunday)\n");
		CliRun unloaded = CliRun.run("calendar", "is-workday", "2027-01-01", "--format", "json");
		assertThat(unloaded.out()).contains("\"workday\": true").contains("\"provisional\": true").contains("\"calendar\": null");
	}

	@Test
	void badArgumentsNameTheArgumentAndWhatIsAllowed() {
		CliRun month = CliRun.run("calendar", "workdays", "2026-13-01", "5");
		assertThat(month.exit()).isEqualTo(2);
		assertThat(month.err()).startsWith("error: FROM must be an ISO date YYYY-MM-DD from 1900-01-01 to 2999-12-31 "
				+ "(e.g. 2026-03-15), not '2026-13-01'\n");
		CliRun big = CliRun.run("calendar", "workdays", "2026-01-05", "10001");
		assertThat(big.exit()).isEqualTo(2);
		assertThat(big.err()).startsWith("error: N must be a whole number from -10000 to 10000, not '10001'");
		assertThat(CliRun.run("calendar", "workdays", "2026-01-05", "10000").exit()).isZero();
		assertThat(CliRun.run("calendar", "workdays", "2026-01-05", "-10000").exit()).isZero();
		assertThat(CliRun.run("calendar", "workdays", "2026-01-05", "-10001").exit()).isEqualTo(2);
		CliRun zh = CliRun.run("calendar", "is-workday", "2026-02-30", "--lang", "zh");
		assertThat(zh.exit()).isEqualTo(2);
		assertThat(zh.err()).startsWith("error: DATE 应为 1900-01-01 至 2999-12-31 之间的 ISO 日期 YYYY-MM-DD（例如 2026-03-15），而不是“2026-02-30”");
		assertThat(CliRun.run("calendar", "is-workday", "3000-01-01").exit()).isEqualTo(2);
		assertThat(CliRun.run("calendar", "workdays", "2026-01-05").exit()).isEqualTo(2);
	}

	@Test
	void nextYearIsAFileInAFolder(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cn-2027.yaml"), FICTIONAL_2027);
		CliRun run = CliRun.run("calendar", "workdays", "2026-12-24", "10", "--format", "json", "--calendar-dir", dir.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("\"provisional\": false").contains("\"calendars\": [2026, 2027]");
		CliRun list = CliRun.run("calendar", "list", "--lang", "en", "--calendar-dir", dir.toString());
		assertThat(list.out()).contains("2025  248 working days  notice 国办发明电〔2024〕12号").contains("2027  ")
			.contains("Spring Festival: 2025-01-28 to 2025-02-04; weekend days worked: 2025-01-26, 2025-02-08");
	}

	@Test
	void aBrokenCalendarInTheFolderIsReportedWithItsPlace(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cn-2027.yaml"), FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2027-10-11]"));
		CliRun run = CliRun.run("calendar", "workdays", "2026-12-24", "10", "--calendar-dir", dir.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("cn-2027.yaml:11:14: /holidays/0/worked/0: 2027-10-11 is a Monday, not a weekend day");
		CliRun missing = CliRun.run("calendar", "workdays", "2026-12-24", "10", "--calendar-dir", dir.resolve("nope").toString());
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("--calendar-dir:").contains("is not a directory");
	}

	@Test
	void validateChecksFilesForWhoeverAddsAYear(@TempDir Path dir) throws Exception {
		Path good = dir.resolve("cn-2027.yaml");
		Files.writeString(good, FICTIONAL_2027);
		CliRun ok = CliRun.run("calendar", "validate", good.toString());
		assertThat(ok.exit()).as(ok.err()).isZero();
		assertThat(ok.out()).contains("OK: ").contains("2027, 1 holiday, 257 working days");
		Path bad = dir.resolve("bad.yaml");
		Files.writeString(bad, FICTIONAL_2027.replace("year: 2027", "year: 2027\nyaer: 2027"));
		CliRun broken = CliRun.run("calendar", "validate", "--lang", "zh", bad.toString());
		assertThat(broken.exit()).isEqualTo(2);
		assertThat(broken.err()).contains("错误：").contains("bad.yaml:3:1: /yaer: “日历文件”中有未知字段“yaer”（是否应为“year”？）");
		assertThat(CliRun.run("calendar", "validate", dir.resolve("none.yaml").toString()).exit()).isEqualTo(1);
	}

	/** A FICTIONAL 2027 calendar for the tests (2027's schedule is not published here). */
	static final String FICTIONAL_2027 = """
			schema: outbound/calendar/v1
			year: 2027
			notice:
			  issuer: {zh: 测试机关, en: "Test issuer"}
			  issued: 2026-11-01
			source: a fictional test calendar
			holidays:
			  - name: {zh: 测试假期, en: "Test holiday"}
			    from: 2027-10-01
			    to: 2027-10-07
			    worked: [2027-10-09]
			""";

}
