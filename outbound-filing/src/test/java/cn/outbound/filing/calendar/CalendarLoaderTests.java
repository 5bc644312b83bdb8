package cn.outbound.filing.calendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The checks of a calendar file, each problem with {@code file:line:column} in English and Chinese. The base file is a
 * FICTIONAL test calendar (2027 is not published here; its dates are made up and never shipped).
 */
class CalendarLoaderTests {

	/** Line numbers are written beside each line; a test changes one line and expects its problem there. */
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

	private static List<DataProblem> problems(String yaml) {
		InvalidDataException ex = catchThrowableOfType(InvalidDataException.class,
				() -> CalendarLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
		assertThat(ex).as("expected problems").isNotNull();
		return ex.problems();
	}

	private static String only(String yaml) {
		List<DataProblem> p = problems(yaml);
		assertThat(p).as(p.toString()).hasSize(1);
		return p.get(0).render("en");
	}

	@Test
	void theFictionalCalendarLoads() {
		CalendarYear y = CalendarLoader.load(FICTIONAL_2027.getBytes(StandardCharsets.UTF_8), "test.yaml");
		assertThat(y.year()).isEqualTo(2027);
		assertThat(y.notice().number()).isNull();
		assertThat(y.holidays().get(0).worked()).containsExactly(LocalDate.of(2027, 10, 9));
		// 2027 has 261 weekdays (1 Jan is a Friday, 365 days); Fri 1 - Thu 7 Oct holds 5 of them; Sat 9 Oct is worked
		assertThat(y.workingDays()).isEqualTo(261 - 5 + 1);
	}

	@Test
	void aWorkedDayThatIsNotAWeekendDay() {
		String yaml = FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2027-10-11]");
		assertThat(only(yaml)).isEqualTo("ERROR: test.yaml:11:14: /holidays/0/worked/0: 2027-10-11 is a Monday, not a "
				+ "weekend day: only a Saturday or Sunday can be made a working day (调休上班)");
		assertThat(problems(yaml).get(0).render("zh"))
			.isEqualTo("错误：test.yaml:11:14: /holidays/0/worked/0: 2027-10-11 是星期一，不是周末：只有星期六或星期日可以调休上班");
		assertThat(problems(yaml).get(0).code()).isEqualTo("calendar.worked-not-weekend");
	}

	@Test
	void aDateOutsideTheFilesYear() {
		String yaml = FICTIONAL_2027.replace("from: 2027-10-01", "from: 2026-10-01");
		assertThat(only(yaml)).isEqualTo("ERROR: test.yaml:9:11: /holidays/0/from: 2026-10-01 is not in 2027: every date "
				+ "of a calendar file lies in its year (a day of another year goes in that year's file)");
		assertThat(only(FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2028-01-01]")))
			.startsWith("ERROR: test.yaml:11:14: /holidays/0/worked/0: 2028-01-01 is not in 2027");
	}

	@Test
	void aDayListedTwice() {
		String overlapping = FICTIONAL_2027 + """
				  - name: {zh: 另一假期, en: "Another holiday"}
				    from: 2027-10-07
				    to: 2027-10-08
				""";
		assertThat(only(overlapping)).isEqualTo("ERROR: test.yaml:13:11: /holidays/1/from: 2027-10-07 appears twice: as a "
				+ "day off of Test holiday (line 9) and here as a day off of Another holiday; each day may appear once");
		// a worked day inside the holiday's own days off (Sat 2 Oct 2027)
		assertThat(only(FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2027-10-02]")))
			.isEqualTo("ERROR: test.yaml:11:14: /holidays/0/worked/0: 2027-10-02 appears twice: as a day off of Test "
					+ "holiday (line 9) and here as a worked day of Test holiday; each day may appear once");
		assertThat(only(FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2027-10-09, 2027-10-09]")))
			.startsWith("ERROR: test.yaml:11:26: /holidays/0/worked/1: 2027-10-09 appears twice");
	}

	@Test
	void unknownKeysWithDidYouMean() {
		assertThat(only(FICTIONAL_2027.replace("    worked:", "    wroked:"))).isEqualTo(
				"ERROR: test.yaml:11:5: /holidays/0/wroked: unknown field 'wroked' in a holiday (did you mean 'worked'?); "
						+ "allowed: name, from, to, worked");
		assertThat(problems(FICTIONAL_2027.replace("source:", "souce:"))).extracting(p -> p.render("en")).containsExactly(
				"ERROR: test.yaml:1:1: /source: missing required field 'source' (a string)",
				"ERROR: test.yaml:6:1: /souce: unknown field 'souce' in a calendar file (did you mean 'source'?); allowed: "
						+ "schema, year, notice, source, holidays");
		assertThat(problems(FICTIONAL_2027.replace("    worked:", "    wroked:")).get(0).render("zh")).isEqualTo(
				"错误：test.yaml:11:5: /holidays/0/wroked: “节假日”中有未知字段“wroked”（是否应为“worked”？）；允许的字段：name、from、to、worked");
	}

	@Test
	void aMissingNoticeOrSource() {
		String noNotice = FICTIONAL_2027.replace("""
				notice:
				  issuer: {zh: 测试机关, en: "Test issuer"}
				  issued: 2026-11-01
				""", "");
		assertThat(only(noNotice)).isEqualTo("ERROR: test.yaml:1:1: /notice: missing required field 'notice' (an object)");
		assertThat(only(FICTIONAL_2027.replace("source: a fictional test calendar\n", "")))
			.isEqualTo("ERROR: test.yaml:1:1: /source: missing required field 'source' (a string)");
		assertThat(only(FICTIONAL_2027.replace("source: a fictional test calendar", "source: \"  \"")))
			.startsWith("ERROR: test.yaml:6:9: /source: source must not be empty");
		assertThat(only(FICTIONAL_2027.replace("  issued: 2026-11-01\n", "")))
			.isEqualTo("ERROR: test.yaml:4:3: /notice/issued: missing required field 'issued' (a date (YYYY-MM-DD))");
		assertThat(only(FICTIONAL_2027.replace("{zh: 测试机关, en: \"Test issuer\"}", "{zh: 测试机关, en: \"\"}")))
			.isEqualTo("ERROR: test.yaml:4:26: /notice/issuer/en: en must not be empty: both languages are required");
	}

	@Test
	void badValuesNameTheFieldAndWhatIsAllowed() {
		assertThat(only(FICTIONAL_2027.replace("schema: outbound/calendar/v1", "schema: outbound/calendar/v2")))
			.isEqualTo("ERROR: test.yaml:1:9: /schema: schema is 'outbound/calendar/v2'; this version reads only 'outbound/calendar/v1'");
		assertThat(only(FICTIONAL_2027.replace("year: 2027", "year: 1999")))
			.isEqualTo("ERROR: test.yaml:2:7: /year: 'year' must be a whole number from 2000 to 2100, not 1999");
		assertThat(only(FICTIONAL_2027.replace("from: 2027-10-01", "from: 2027-02-30")))
			.isEqualTo("ERROR: test.yaml:9:11: /holidays/0/from: 'from' must be an ISO date YYYY-MM-DD, e.g. 2026-03-15");
		assertThat(only(FICTIONAL_2027.replace("to: 2027-10-07", "to: 2027-09-30")))
			.isEqualTo("ERROR: test.yaml:10:9: /holidays/0/to: 'to' (2027-09-30) is before 'from' (2027-10-01)");
		assertThat(only(FICTIONAL_2027.replace("to: 2027-10-07", "to: 2027-11-30")))
			.isEqualTo("ERROR: test.yaml:10:9: /holidays/0/to: the holiday 2027-10-01 to 2027-11-30 lasts 61 days; at most 31");
	}

	@Test
	void everyProblemAtOnce() {
		String yaml = FICTIONAL_2027.replace("year: 2027", "year: 2027\ncolour: red")
			.replace("worked: [2027-10-09]", "worked: [2027-10-11]");
		assertThat(problems(yaml)).extracting(p -> p.location().line()).containsExactly(3, 12);
	}

	@Test
	void syntaxAndDuplicateKeys() {
		assertThat(only(FICTIONAL_2027.replace("    to: 2027-10-07\n", "    to: 2027-10-07\n    to: 2027-10-08\n")))
			.startsWith("ERROR: test.yaml:11:5: /holidays/0/to: duplicate key 'to' (first at line 10)");
		assertThat(only("holidays: [\n")).startsWith("ERROR: test.yaml:").contains("malformed document");
		assertThat(only("")).isEqualTo("ERROR: test.yaml:1:1: the document is empty; expected an object");
	}

	@Test
	void aFileTooLargeIsRefusedBeforeItIsRead() {
		byte[] big = new byte[CalendarLoader.MAX_BYTES + 1];
		assertThatThrownBy(() -> CalendarLoader.load(big, "big.yaml")).isInstanceOf(InvalidDataException.class)
			.hasMessage("ERROR: big.yaml: the file is 262145 bytes; a calendar or deadline file may have at most 262144");
	}

	@Test
	void aFolderAddsNextYearAndItsCountsBecomeExact(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cn-2027.yaml"), FICTIONAL_2027);
		Calendars calendars = Calendars.builtInAnd(dir);
		assertThat(calendars.years()).containsExactly(2025, 2026, 2027);
		WorkingDays days = new WorkingDays(calendars);
		// the filing.md example: 10 working days from 2026-12-24 is exact once 2027 is loaded (the fictional 2027
		// has no day off in January): 25, 28, 29, 30, 31 Dec; 1, 4, 5, 6, 7 Jan
		Count c = days.add(LocalDate.of(2026, 12, 24), 10);
		assertThat(c.provisional()).isFalse();
		assertThat(c.calendars()).containsExactly(2026, 2027);
		// and the fictional holiday counts: Thu 30 Sep; 1-7 Oct off; Fri 8; Sat 9 worked
		assertThat(days.add(LocalDate.of(2027, 9, 29), 3).date()).isEqualTo(LocalDate.of(2027, 10, 9));
	}

	@Test
	void aYearDefinedTwiceIsAProblem(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("again-2026.yaml"), Calendars.readResource("calendars/cn-2026.yaml"));
		assertThatThrownBy(() -> Calendars.builtInAnd(dir)).isInstanceOf(InvalidDataException.class)
			.hasMessageContaining("again-2026.yaml: /year: year 2026 is defined twice (also in cn-2026.yaml)");
	}

	@Test
	void everyBrokenFileOfAFolderIsReported(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a.yaml"), FICTIONAL_2027.replace("worked: [2027-10-09]", "worked: [2027-10-11]"));
		Files.writeString(dir.resolve("b.yml"), FICTIONAL_2027.replace("year: 2027", "year: 2028"));
		Files.writeString(dir.resolve("notes.txt"), "not a calendar");
		InvalidDataException ex = catchThrowableOfType(InvalidDataException.class, () -> Calendars.loadDirectory(dir));
		assertThat(ex.problems()).extracting(p -> p.location().file())
			.anyMatch(f -> f.endsWith("a.yaml"))
			.anyMatch(f -> f.endsWith("b.yml"));
	}

}
