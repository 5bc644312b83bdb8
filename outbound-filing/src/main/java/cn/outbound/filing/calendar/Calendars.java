package cn.outbound.filing.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.outbound.rules.source.SourceLocation;

/**
 * The working-day calendars a deployment counts with: one per year, built in ({@code calendars/index.txt} on the class
 * path) and, optionally, from a folder ({@code --calendar-dir DIR} / {@code OUTBOUND_CALENDAR_DIR}), so that next
 * year's schedule is a new file and nothing else. A year defined twice is a problem. Immutable once built.
 */
public final class Calendars {

	/** Classpath folder of the built-in calendars, listed in {@code index.txt}. */
	public static final String BUILT_IN = "calendars/";

	/** A folder may hold at most this many calendar files. */
	public static final int MAX_FILES = 200;

	private static volatile Calendars builtIn;

	private final SortedMap<Integer, CalendarYear> years;

	private Calendars(SortedMap<Integer, CalendarYear> years) {
		this.years = Collections.unmodifiableSortedMap(years);
	}

	/** The calendars shipped with Outbound (loaded and checked once). */
	public static Calendars builtIn() {
		Calendars c = builtIn;
		if (c == null) {
			synchronized (Calendars.class) {
				c = builtIn;
				if (c == null) {
					c = of(loadBuiltIn());
					builtIn = c;
				}
			}
		}
		return c;
	}

	/** The built-in calendars plus every {@code *.yaml} calendar in a folder (e.g. next year's). */
	public static Calendars builtInAnd(Path directory) {
		List<CalendarYear> all = new ArrayList<>(loadBuiltIn());
		all.addAll(loadDirectory(directory));
		return of(all);
	}

	/**
	 * Checks calendars together.
	 * @throws InvalidDataException when a year is defined twice
	 */
	public static Calendars of(Collection<CalendarYear> calendars) {
		TreeMap<Integer, CalendarYear> map = new TreeMap<>();
		List<DataProblem> problems = new ArrayList<>();
		for (CalendarYear c : calendars) {
			CalendarYear other = map.putIfAbsent(c.year(), c);
			if (other != null) {
				problems.add(DataProblem.of("/year", new SourceLocation(c.file(), 0, 0), "calendar.duplicate-year", "year",
						c.year(), "other", other.file()));
			}
		}
		InvalidDataException.throwIfAny(problems);
		return new Calendars(map);
	}

	public static List<CalendarYear> loadBuiltIn() {
		List<CalendarYear> out = new ArrayList<>();
		for (String name : readResource(BUILT_IN + "index.txt").lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.toList()) {
			out.add(CalendarLoader.load(readResource(BUILT_IN + name).getBytes(StandardCharsets.UTF_8), name));
		}
		return out;
	}

	/** Every {@code *.yaml} / {@code *.yml} file of a folder; every problem of every file at once. */
	public static List<CalendarYear> loadDirectory(Path directory) {
		List<CalendarYear> out = new ArrayList<>();
		List<DataProblem> problems = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(directory)) {
			files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
				.filter(Files::isRegularFile)
				.sorted()
				.limit(MAX_FILES + 1L)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read calendars from " + directory, ex);
		}
		if (files.size() > MAX_FILES) {
			throw new InvalidDataException(List.of(DataProblem.of("", new SourceLocation(directory.toString(), 0, 0),
					"calendar.too-many-files", "max", MAX_FILES)));
		}
		for (Path file : files) {
			try {
				if (Files.size(file) > CalendarLoader.MAX_BYTES) {
					problems.add(DataProblem.of("", new SourceLocation(file.toString(), 0, 0), "data.file-too-large",
							"size", Files.size(file), "max", CalendarLoader.MAX_BYTES));
					continue;
				}
				out.add(CalendarLoader.load(Files.readAllBytes(file), file.toString()));
			}
			catch (InvalidDataException ex) {
				problems.addAll(ex.problems());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file, ex);
			}
		}
		InvalidDataException.throwIfAny(problems);
		return out;
	}

	/** The loaded years, ascending. */
	public List<Integer> years() {
		return List.copyOf(this.years.keySet());
	}

	public Collection<CalendarYear> all() {
		return this.years.values();
	}

	public Optional<CalendarYear> year(int year) {
		return Optional.ofNullable(this.years.get(year));
	}

	static String readResource(String name) {
		try (InputStream in = Calendars.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing built-in resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
