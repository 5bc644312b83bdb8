package cn.outbound.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.outbound.filing.calendar.Calendars;
import cn.outbound.filing.calendar.FilingText;
import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.filing.calendar.WorkingDays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that count working days: extra calendar files, and the checks of their arguments
 * (dates, counts) with messages in the user's language.
 */
final class CalendarOptions {

	@Option(names = "--calendar-dir", paramLabel = "DIR",
			description = "Also load every *.yaml calendar in DIR (e.g. next year's). Default: $OUTBOUND_CALENDAR_DIR.")
	Path calendarDir;

	/** The built-in calendars, and those in {@code --calendar-dir} (or {@code $OUTBOUND_CALENDAR_DIR}). */
	Calendars calendars(CommandSpec spec) {
		Path dir = this.calendarDir;
		if (dir == null && System.getenv("OUTBOUND_CALENDAR_DIR") != null) {
			dir = Path.of(System.getenv("OUTBOUND_CALENDAR_DIR"));
		}
		if (dir == null) {
			return Calendars.builtIn();
		}
		if (!Files.isDirectory(dir)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--calendar-dir: " + dir + " is not a directory");
		}
		return Calendars.builtInAnd(dir);
	}

	WorkingDays workingDays(CommandSpec spec) {
		Calendars c = calendars(spec);
		return (c == Calendars.builtIn()) ? WorkingDays.builtIn() : new WorkingDays(c);
	}

	/** Prints every problem of a calendar file and answers the invalid-input status. */
	static int report(InvalidDataException ex, PrintWriter err, String lang) {
		ex.problems().forEach(p -> err.println(p.render(lang)));
		return Outbound.INVALID;
	}

	/**
	 * A date argument from {@link WorkingDays#MIN_DATE} to {@link WorkingDays#MAX_DATE}, or an invalid-input error
	 * naming the argument.
	 */
	static LocalDate date(CommandSpec spec, String name, String value, String lang) {
		LocalDate d = null;
		try {
			d = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		if (d == null || d.isBefore(WorkingDays.MIN_DATE) || d.isAfter(WorkingDays.MAX_DATE)) {
			throw new CommandLine.ParameterException(spec.commandLine(), FilingText.in(lang, "arg.date", "name", name,
					"min", WorkingDays.MIN_DATE, "max", WorkingDays.MAX_DATE, "value", shown(value)));
		}
		return d;
	}

	/** A count of working days, at most {@link WorkingDays#MAX_COUNT} either way. */
	static int count(CommandSpec spec, String name, String value, String lang) {
		String v = value.strip();
		if (v.matches("[+-]?\\d{1,6}")) {
			int n = Integer.parseInt(v);
			if (Math.abs(n) <= WorkingDays.MAX_COUNT) {
				return n;
			}
		}
		throw new CommandLine.ParameterException(spec.commandLine(), FilingText.in(lang, "arg.count", "name", name, "min",
				-WorkingDays.MAX_COUNT, "max", WorkingDays.MAX_COUNT, "value", shown(value)));
	}

	/** A typed value as a message shows it: at most 40 characters, no control characters. */
	private static String shown(String value) {
		String v = value.replaceAll("\\p{Cntrl}", "?");
		return (v.length() > 40) ? v.substring(0, 40) + "…" : v;
	}

	/** {@code --lang} when given, else English: problems stay English for scripts unless asked (as {@code assess}). */
	static String problemLang(CommandSpec spec, AssessCommand.Lang lang) {
		var parsed = spec.commandLine().getParseResult();
		return (parsed != null && parsed.hasMatchedOption("--lang") && lang != null) ? lang.name() : "en";
	}

}
