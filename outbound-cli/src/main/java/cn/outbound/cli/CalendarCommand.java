package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cn.outbound.filing.calendar.CalendarLoader;
import cn.outbound.filing.calendar.CalendarYear;
import cn.outbound.filing.calendar.Count;
import cn.outbound.filing.calendar.DataProblem;
import cn.outbound.filing.calendar.Day;
import cn.outbound.filing.calendar.FilingText;
import cn.outbound.filing.calendar.Holiday;
import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.rules.Text;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.source.SourceLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound calendar workdays|is-workday|list|validate}: Chinese working days from the State Council's yearly
 * holiday notices, kept as data (docs/filing-calendar.md). Exit status: 0 done (or valid), 2 invalid input (a bad
 * date or count, a calendar file with problems), 1 anything else.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
		description = { "Count Chinese working days (工作日) with the State Council's holiday notices.",
				"按国务院节假日安排计算工作日。" },
		subcommands = { CalendarCommand.Workdays.class, CalendarCommand.IsWorkday.class, CalendarCommand.ListCalendars.class,
				CalendarCommand.Validate.class })
final class CalendarCommand {

	enum Format {

		text, json

	}

	@Command(name = "workdays", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "The date N working days after FROM (N negative: before), counting from the day after FROM.",
					"FROM 之后第 N 个工作日（N 为负数时为之前），自 FROM 次日起算。", "",
					"Past the last loaded year the date is an estimate (weekends only) and says so (\"provisional\": true)." })
	static final class Workdays implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		CalendarOptions calendars;

		@Parameters(index = "0", paramLabel = "FROM", description = "A date, YYYY-MM-DD.")
		String from;

		@Parameters(index = "1", paramLabel = "N", description = "Working days, -10000 to 10000.")
		String n;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		Format format;

		@Option(names = "--lang", defaultValue = "zh", description = { "Language of --format text: zh (default) or en.",
				"Given explicitly, also the language of errors (English when it is not given)." })
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			String problemLang = CalendarOptions.problemLang(this.spec, this.lang);
			LocalDate start = CalendarOptions.date(this.spec, "FROM", this.from, problemLang);
			int count = CalendarOptions.count(this.spec, "N", this.n, problemLang);
			WorkingDays days;
			try {
				days = this.calendars.workingDays(this.spec);
			}
			catch (InvalidDataException ex) {
				return CalendarOptions.report(ex, this.spec.commandLine().getErr(), problemLang);
			}
			Count c = days.add(start, count);
			if (this.format == Format.json) {
				DecisionJson.Obj root = new DecisionJson.Obj();
				root.put("from", c.from().toString());
				root.put("workingDays", c.workingDays());
				root.put("date", c.date().toString());
				root.put("provisional", c.provisional());
				root.put("calendars", new ArrayList<Object>(c.calendars()));
				if (c.provisional()) {
					root.put("estimated", new ArrayList<Object>(c.estimated()));
					root.set("note", DecisionJson.text(c.note()));
				}
				out.println(Json.pretty(root));
				return Outbound.OK;
			}
			String l = this.lang.name();
			String code = (count > 0) ? "workdays.after" : (count < 0) ? "workdays.before" : "workdays.zero";
			out.println(FilingText.in(l, code, "n", Math.abs(count), "from", c.from(), "date", c.date())
					+ (c.provisional() ? "*" : ""));
			if (!c.calendars().isEmpty()) {
				out.println(FilingText.in(l, "workdays.by", "notices", notices(days, c.calendars())));
			}
			if (c.provisional()) {
				out.println("* " + c.note().in(l));
			}
			return Outbound.OK;
		}

	}

	@Command(name = "is-workday", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Whether DATE is a working day, and why (weekend, the holiday, a worked weekend day, ...).",
					"DATE 是否为工作日及原因（周末、节假日、调休上班等）。" })
	static final class IsWorkday implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		CalendarOptions calendars;

		@Parameters(index = "0", paramLabel = "DATE", description = "A date, YYYY-MM-DD.")
		String date;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		Format format;

		@Option(names = "--lang", defaultValue = "zh", description = { "Language of --format text: zh (default) or en.",
				"Given explicitly, also the language of errors (English when it is not given)." })
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			String problemLang = CalendarOptions.problemLang(this.spec, this.lang);
			LocalDate d = CalendarOptions.date(this.spec, "DATE", this.date, problemLang);
			WorkingDays days;
			try {
				days = this.calendars.workingDays(this.spec);
			}
			catch (InvalidDataException ex) {
				return CalendarOptions.report(ex, this.spec.commandLine().getErr(), problemLang);
			}
			Day day = days.day(d);
			if (this.format == Format.json) {
				DecisionJson.Obj root = new DecisionJson.Obj();
				root.put("date", d.toString());
				root.put("workday", day.workday());
				DecisionJson.Obj reason = root.putObject("reason");
				reason.put("kind", day.kind().name());
				reason.putAll(DecisionJson.text(day.reason()));
				if (day.holiday() != null) {
					root.set("holiday", DecisionJson.text(day.holiday().name()));
				}
				root.put("provisional", day.provisional());
				root.put("calendar", (day.calendar() != null) ? day.calendar().year() : null);
				out.println(Json.pretty(root));
				return Outbound.OK;
			}
			out.println(d + "  " + day.reason().in(this.lang.name()));
			return Outbound.OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = { "The loaded calendars: year, notice, working days, holidays and worked weekend days.",
					"已载入的日历：年份、通知、工作日数、假期与调休上班日。" })
	static final class ListCalendars implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		CalendarOptions calendars;

		@Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en.")
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			String l = this.lang.name();
			WorkingDays days;
			try {
				days = this.calendars.workingDays(this.spec);
			}
			catch (InvalidDataException ex) {
				return CalendarOptions.report(ex, this.spec.commandLine().getErr(),
						CalendarOptions.problemLang(this.spec, this.lang));
			}
			for (CalendarYear c : days.calendars().all()) {
				out.println(FilingText.in(l, "calendar.list-line", "year", c.year(), "days", c.workingDays(), "notice",
						c.notice().name(), "file", c.file()));
				for (Holiday h : c.holidays()) {
					Object worked = h.worked().isEmpty() ? ""
							: FilingText.part("calendar.list-worked", "days", h.worked().stream().map(LocalDate::toString).toList());
					out.println("    " + FilingText.in(l, "calendar.list-holiday", "name", h.name(), "from", h.from(), "to",
							h.to(), "worked", worked));
				}
			}
			return Outbound.OK;
		}

	}

	@Command(name = "validate", mixinStandardHelpOptions = true,
			description = { "Check calendar files: every problem with file:line:column.", "Exit status: 0 valid, 2 problems found." })
	static final class Validate implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Parameters(arity = "1..*", paramLabel = "FILE", description = "Calendar YAML files.")
		List<Path> files;

		@Option(names = "--lang", description = "Language of the messages: en (default) or zh.")
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			String l = (this.lang != null) ? this.lang.name() : "en";
			int status = Outbound.OK;
			for (Path file : this.files) {
				try {
					if (Files.isRegularFile(file) && Files.size(file) > CalendarLoader.MAX_BYTES) {
						// the loader refuses it too, but only after reading it whole
						err.println(DataProblem.of("", new SourceLocation(file.toString(), 0, 0), "data.file-too-large", "size",
								Files.size(file), "max", CalendarLoader.MAX_BYTES).render(l));
						status = (status == Outbound.FAILED) ? status : Outbound.INVALID;
						continue;
					}
					CalendarYear c = CalendarLoader.load(Files.readAllBytes(file), file.toString());
					out.println(FilingText.in(l, "calendar.valid", "file", file, "year", c.year(), "holidays",
							c.holidays().size(), "days", c.workingDays()));
				}
				catch (NoSuchFileException ex) {
					err.println(("en".equals(l) ? "ERROR: " : "错误：") + file + ": no such file");
					status = Outbound.FAILED;
				}
				catch (IOException ex) {
					err.println(("en".equals(l) ? "ERROR: " : "错误：") + file + ": " + Errors.describe(ex));
					status = Outbound.FAILED;
				}
				catch (InvalidDataException ex) {
					CalendarOptions.report(ex, err, l);
					status = (status == Outbound.FAILED) ? status : Outbound.INVALID;
				}
			}
			return status;
		}

	}

	/** "2026 年：国务院办公厅通知（2025-11-04）" for each year counted with. */
	static List<Text> notices(WorkingDays days, List<Integer> years) {
		List<Text> out = new ArrayList<>();
		for (int y : years) {
			days.calendars().year(y).ifPresent(c -> out.add(FilingText.of("calendar.line", "year", y, "notice", c.notice().name())));
		}
		return out;
	}

}
