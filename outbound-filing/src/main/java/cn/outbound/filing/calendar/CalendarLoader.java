package cn.outbound.filing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problems;
import cn.outbound.rules.source.SourceLocation;

/**
 * Loads one calendar file ({@code outbound/calendar/v1}, docs/filing-calendar.md): one year's holidays and worked
 * weekend days from one State Council notice. Every problem is reported at once, each with {@code file:line:column},
 * in Chinese and English; a file with any problem is never returned. The YAML is read with the rules' located reader
 * ({@link NodeReader}, {@link Fields}), as rule packs are.
 */
public final class CalendarLoader {

	public static final String SCHEMA = "outbound/calendar/v1";

	/** A calendar file is a page of YAML; anything larger is refused before it is parsed. */
	public static final int MAX_BYTES = 256 * 1024;

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	public static final int MAX_HOLIDAYS = 40;

	/** The longest holiday (days off in a row, weekend days included). */
	public static final int MAX_HOLIDAY_DAYS = 31;

	public static final int MAX_WORKED_PER_HOLIDAY = 10;

	private static final List<String> TOP = List.of("schema", "year", "notice", "source", "holidays");

	private static final List<String> NOTICE = List.of("issuer", "number", "issued");

	private static final List<String> HOLIDAY = List.of("name", "from", "to", "worked");

	private static final List<String> TEXT = List.of("zh", "en");

	private CalendarLoader() {
	}

	/**
	 * @param content the YAML bytes
	 * @param file the name to cite in problems
	 * @throws InvalidDataException listing every problem found
	 */
	public static CalendarYear load(byte[] content, String file) {
		if (content.length > MAX_BYTES) {
			throw new InvalidDataException(List.of(DataProblem.of("", new SourceLocation(file, 0, 0),
					"data.file-too-large", "size", content.length, "max", MAX_BYTES)));
		}
		Node root;
		try {
			root = NodeReader.readYaml(content, file);
		}
		catch (InvalidInputException ex) {
			throw new InvalidDataException(ex.problems().stream().map(DataProblem::of).toList());
		}
		Problems general = new Problems();
		List<DataProblem> own = new ArrayList<>();
		CalendarYear year = new Binder(new Fields(general), own, file).bind(root);
		List<DataProblem> all = new ArrayList<>(own);
		general.list().forEach(p -> all.add(DataProblem.of(p)));
		InvalidDataException.throwIfAny(all);
		return year;
	}

	/** A bilingual text {@code {zh, en}}, both non-empty; {@code null} (with a problem) otherwise. */
	public static Text text(Fields f, Node.Obj parent, String key, boolean required) {
		Node.Obj obj = f.object(parent, key, required);
		if (obj == null) {
			return null;
		}
		f.onlyKeys(obj, TEXT, Message.of("subject.bilingual-text"));
		String zh = f.string(obj, "zh", true);
		String en = f.string(obj, "en", true);
		if (zh != null && zh.isBlank()) {
			f.problem(obj.get("zh"), "empty-zh");
		}
		if (en != null && en.isBlank()) {
			f.problem(obj.get("en"), "empty-en");
		}
		return (zh == null || en == null || zh.isBlank() || en.isBlank()) ? null : new Text(zh.strip(), en.strip());
	}

	/** What a message calls the thing a field belongs to. */
	public static Message subject(String zh, String en) {
		return Message.of("subject.object", "name", new Text(zh, en));
	}

	private static final class Binder {

		private final Fields f;

		private final List<DataProblem> problems;

		private final String file;

		/** Each day already named, with where and as what, to report the second mention. */
		private final Map<LocalDate, Seen> seen = new HashMap<>();

		private record Seen(SourceLocation at, FilingText.Part as) {
		}

		Binder(Fields f, List<DataProblem> problems, String file) {
			this.f = f;
			this.problems = problems;
			this.file = file;
		}

		CalendarYear bind(Node root) {
			Node.Obj top = this.f.object(root, subject("日历文件", "a calendar file"));
			if (top == null) {
				return null;
			}
			this.f.onlyKeys(top, TOP, subject("日历文件", "a calendar file"));
			String schema = this.f.string(top, "schema", true);
			if (schema != null && !SCHEMA.equals(schema)) {
				own(top.get("schema"), "data.schema", "value", schema, "allowed", SCHEMA);
			}
			Long year = this.f.whole(top, "year", true, MIN_YEAR, MAX_YEAR);
			Notice notice = notice(this.f.object(top, "notice", true));
			String source = this.f.string(top, "source", true);
			if (source != null && source.isBlank()) {
				own(top.get("source"), "calendar.empty-source");
			}
			List<Node> list = this.f.array(top, "holidays", true);
			List<Holiday> holidays = new ArrayList<>();
			if (list != null) {
				if (list.size() > MAX_HOLIDAYS) {
					this.f.problem(top.get("holidays"), "too-many", "field", "holidays", "max", MAX_HOLIDAYS, "actual",
							list.size());
				}
				else {
					for (Node n : list) {
						Holiday h = holiday(n, (year != null) ? year.intValue() : null);
						if (h != null) {
							holidays.add(h);
						}
					}
				}
			}
			if (year == null || notice == null || source == null || list == null) {
				return null;
			}
			return new CalendarYear(year.intValue(), notice, source.strip(), holidays, this.file);
		}

		private Notice notice(Node.Obj obj) {
			if (obj == null) {
				return null;
			}
			this.f.onlyKeys(obj, NOTICE, subject("通知", "the notice"));
			Text issuer = text(this.f, obj, "issuer", true);
			String number = this.f.string(obj, "number", false);
			if (number != null && number.isBlank()) {
				own(obj.get("number"), "calendar.empty-number");
				number = null;
			}
			LocalDate issued = this.f.date(obj, "issued", true);
			if (issuer == null || issued == null) {
				return null;
			}
			return new Notice(issuer, (number != null) ? number.strip() : null, issued);
		}

		private Holiday holiday(Node node, Integer year) {
			Node.Obj obj = this.f.object(node, subject("节假日", "a holiday"));
			if (obj == null) {
				return null;
			}
			this.f.onlyKeys(obj, HOLIDAY, subject("节假日", "a holiday"));
			Text name = text(this.f, obj, "name", true);
			LocalDate from = this.f.date(obj, "from", true);
			LocalDate to = this.f.date(obj, "to", true);
			List<Node> workedNodes = this.f.array(obj, "worked", false);
			boolean dates = from != null && to != null;
			if (from != null && year != null) {
				dates &= inYear(obj.get("from"), from, year);
			}
			if (to != null && year != null) {
				dates &= inYear(obj.get("to"), to, year);
			}
			if (dates) {
				if (to.isBefore(from)) {
					own(obj.get("to"), "calendar.range-reversed", "from", from, "to", to);
					dates = false;
				}
				else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_HOLIDAY_DAYS) {
					own(obj.get("to"), "calendar.range-too-long", "from", from, "to", to, "days",
							ChronoUnit.DAYS.between(from, to) + 1, "max", MAX_HOLIDAY_DAYS);
					dates = false;
				}
			}
			boolean ok = dates && name != null;
			Text shown = (name != null) ? name : new Text("节假日", "a holiday");
			if (dates) {
				for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
					mention(obj.get("from"), d, FilingText.part("calendar.as-day-off", "holiday", shown));
				}
			}
			List<LocalDate> worked = new ArrayList<>();
			if (workedNodes != null) {
				if (workedNodes.size() > MAX_WORKED_PER_HOLIDAY) {
					this.f.problem(obj.get("worked"), "too-many", "field", "worked", "max", MAX_WORKED_PER_HOLIDAY,
							"actual", workedNodes.size());
					ok = false;
				}
				else {
					for (Node w : workedNodes) {
						LocalDate d = date(w);
						if (d == null) {
							ok = false;
							continue;
						}
						boolean valid = (year == null) || inYear(w, d, year);
						DayOfWeek dow = d.getDayOfWeek();
						if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
							own(w, "calendar.worked-not-weekend", "date", d, "weekday", dow);
							valid = false;
						}
						if (valid) {
							mention(w, d, FilingText.part("calendar.as-worked", "holiday", shown));
							worked.add(d);
						}
						else {
							ok = false;
						}
					}
				}
			}
			return ok ? new Holiday(name, from, to, worked) : null;
		}

		private LocalDate date(Node node) {
			if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
				try {
					return LocalDate.parse((String) s.value());
				}
				catch (java.time.format.DateTimeParseException ex) {
					// reported below
				}
			}
			this.f.problem(node, "not-date", "what", subject("调休上班日", "a worked day"));
			return null;
		}

		private boolean inYear(Node at, LocalDate date, int year) {
			if (date.getYear() != year) {
				own(at, "calendar.date-outside-year", "date", date, "year", year);
				return false;
			}
			return true;
		}

		private void mention(Node at, LocalDate date, FilingText.Part as) {
			Seen first = this.seen.get(date);
			if (first != null) {
				own(at, "calendar.duplicate-date", "date", date, "line", first.at().line(), "first", first.as(), "second",
						as);
			}
			else {
				this.seen.put(date, new Seen(at.location(), as));
			}
		}

		private void own(Node at, String code, Object... namesAndValues) {
			this.problems.add(DataProblem.of(at.pointer(), at.location(), code, namesAndValues));
		}

	}

}
