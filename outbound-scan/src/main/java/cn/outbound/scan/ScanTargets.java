package cn.outbound.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.source.Suggestions;
import cn.outbound.tables.JdbcSource;
import cn.outbound.tables.TableFormat;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.Tables;
import cn.outbound.tables.XlsxSource;

/**
 * What a scan target names, as tables to scan: a JDBC URL with its table, a file (a workbook: every sheet with data,
 * or the sheet asked for), or a directory (every table file in it). A target that names nothing scannable, or options
 * that do not go with it, fail with an {@link IllegalArgumentException} saying what was wrong and what to give.
 */
public final class ScanTargets {

	/** One table to scan: a file, one sheet of a workbook, or a database table, opened when it is scanned. */
	public record Table(String name, Opener opener) {

		public TableSource open() throws IOException, SQLException {
			return this.opener.open();
		}

	}

	/** Opens a table's source. */
	@FunctionalInterface
	public interface Opener {

		TableSource open() throws IOException, SQLException;

	}

	/**
	 * The tables of a target.
	 * @param files the files the target named (empty for a JDBC URL)
	 */
	public record Targets(List<Path> files, List<Table> tables) {

		/** The sheet names of the tables (the name without its file's, for sheets of a workbook). */
		public List<String> sheetNames() {
			List<String> names = new ArrayList<>();
			for (Table t : this.tables) {
				String n = t.name();
				int open = n.lastIndexOf(" [");
				names.add((open >= 0 && n.endsWith("]")) ? n.substring(open + 2, n.length() - 1) : n);
			}
			return names;
		}

	}

	private ScanTargets() {
	}

	/**
	 * Resolves a target.
	 * @param target a file, a directory or a JDBC URL ({@code jdbc:…})
	 * @param table with a JDBC URL, the table; otherwise null
	 * @param sheet with one workbook, the sheet to scan (exactly, or ignoring case and surrounding spaces); or null
	 * @param user with a JDBC URL, the database user, or null
	 * @param password with a JDBC URL, the password, or null
	 */
	public static Targets resolve(String target, String table, String sheet, String user, String password)
			throws IOException {
		if (target.startsWith("jdbc:")) {
			if (table == null) {
				throw new IllegalArgumentException("a JDBC URL needs --table T");
			}
			if (sheet != null) {
				throw new IllegalArgumentException("--sheet goes with one .xlsx workbook, not a JDBC URL");
			}
			return new Targets(List.of(), List.of(new Table(table,
					() -> new JdbcSource(target, table, user, password, Suggestions::closest))));
		}
		if (table != null) {
			throw new IllegalArgumentException("--table goes with a JDBC URL, not a file");
		}
		Path path = Path.of(target);
		if (sheet != null && (Files.isDirectory(path) || !isWorkbook(path))) {
			throw new IllegalArgumentException("--sheet goes with one .xlsx workbook; " + target + " is not one");
		}
		if (!Files.exists(path)) {
			throw new IllegalArgumentException(target + ": no such file or directory");
		}
		List<Path> files = Files.isDirectory(path) ? Tables.tablesIn(path) : List.of(path);
		if (files.isEmpty()) {
			throw new IllegalArgumentException(target + " holds no table file (" + TableFormat.extensionList() + ")");
		}
		List<Table> tables = new ArrayList<>();
		for (Path file : files) {
			if (isWorkbook(file)) {
				List<XlsxSource> sheets = XlsxSource.sheets(file);
				if (sheet != null) {
					sheets = List.of(chooseSheet(file, sheets, sheet));
				}
				for (XlsxSource s : sheets) {
					tables.add(new Table(s.name(), () -> s));
				}
			}
			else {
				tables.add(new Table(file.getFileName().toString(), () -> Tables.open(file)));
			}
		}
		return new Targets(files, tables);
	}

	private static boolean isWorkbook(Path file) {
		return TableFormat.byExtension(file.getFileName().toString()).orElse(null) == TableFormat.XLSX;
	}

	/** The sheet {@code sheet} names (exactly, or ignoring case and surrounding spaces). */
	private static XlsxSource chooseSheet(Path file, List<XlsxSource> sheets, String sheet) {
		String wanted = sheet.strip();
		for (XlsxSource s : sheets) {
			if (s.sheet().equals(sheet)) {
				return s;
			}
		}
		XlsxSource match = null;
		for (XlsxSource s : sheets) {
			if (s.sheet().strip().equalsIgnoreCase(wanted)) {
				if (match != null) {
					match = null;
					break;
				}
				match = s;
			}
		}
		if (match != null) {
			return match;
		}
		List<String> names = new ArrayList<>();
		for (XlsxSource s : sheets) {
			names.add(s.sheet());
		}
		throw new IllegalArgumentException("--sheet " + sheet + ": " + file.getFileName()
				+ " has no sheet with data of that name" + Suggestions.hint(wanted, names) + "; its sheets with data: "
				+ String.join(", ", names));
	}

}
