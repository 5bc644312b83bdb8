package cn.outbound.tables;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A database table read with a forward-only cursor and a fetch size, so rows stream (PostgreSQL
 * needs auto-commit off for that; MariaDB/MySQL streams with {@code useCursorFetch}).
 * <p>
 * The table is looked up in the database's own catalogue ({@link DatabaseMetaData#getTables}):
 * the name as given, then in upper and in lower case, with an optional {@code schema.} prefix, so
 * that {@code 客户}, a quoted {@code "Mixed"} table of PostgreSQL and an unquoted {@code customers}
 * of H2 ({@code CUSTOMERS}) are all found. Only a table that exists reaches the SQL text, quoted
 * with the database's identifier quote: nothing the user typed is spliced into a statement.
 */
public final class JdbcSource implements TableSource {

	private static final int FETCH_SIZE = 1000;

	/** Tables listed in the message for a table that does not exist. */
	private static final int LISTED = 10;

	/** Schemas of the database itself, never offered as "did you mean". */
	private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql",
			"performance_schema", "sys");

	private final Connection connection;

	private final String table;

	/** The resolved table as it goes into the query, quoted. */
	private final String reference;

	private final TableProblems problems = new TableProblems();

	/**
	 * Connects and finds the table.
	 * @throws IllegalArgumentException when no table or view of that name exists (the message names
	 * {@code --table} and lists tables that do)
	 * @throws SQLException when the database cannot be opened (an H2 file database that does not
	 * exist is not created)
	 */
	public JdbcSource(String url, String table, String user, String password) throws SQLException {
		this(url, table, user, password, (given, names) -> Optional.empty());
	}

	/**
	 * As {@link #JdbcSource(String, String, String, String)}, and a table that does not exist is refused with
	 * {@code didYouMean}'s closest name among those that do (the rules' {@code Suggestions::closest} at the doors).
	 */
	public JdbcSource(String url, String table, String user, String password,
			BiFunction<String, Collection<String>, Optional<String>> didYouMean) throws SQLException {
		if (table == null || table.isBlank()) {
			throw new IllegalArgumentException("--table needs a table name");
		}
		String u = url;
		if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
			// MariaDB's driver serves MySQL servers too; it takes a jdbc:mysql: URL only when told to
			u = u + (u.contains("?") ? "&" : "?") + "useCursorFetch=true"
					+ (u.startsWith("jdbc:mysql:") ? "&permitMysqlScheme" : "");
		}
		u = ifExists(u);
		this.connection = (user != null) ? DriverManager.getConnection(u, user, password) : DriverManager.getConnection(u);
		this.table = table.strip();
		try {
			this.reference = resolve(this.connection.getMetaData(), this.table, didYouMean);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				this.connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * An embedded H2 database URL ({@code jdbc:h2:/path}, {@code jdbc:h2:file:…}, {@code jdbc:h2:~/…})
	 * with {@code IFEXISTS=TRUE} added when it has no {@code IFEXISTS} setting: scanning must never
	 * create an empty database where the user mistyped a path.
	 */
	static String ifExists(String url) {
		if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return url;
		}
		String rest = url.substring(8).toLowerCase(Locale.ROOT);
		if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
			return url;
		}
		if (rest.contains(";ifexists=")) {
			return url;
		}
		return url + ";IFEXISTS=TRUE";
	}

	/** One table found in the catalogue. */
	private record Found(String catalog, String schema, String name) {
	}

	/** The quoted reference of the table {@code given} names, or an {@link IllegalArgumentException}. */
	private static String resolve(DatabaseMetaData meta, String given,
			BiFunction<String, Collection<String>, Optional<String>> didYouMean) throws SQLException {
		List<String[]> tries = new ArrayList<>();
		tries.add(new String[] { null, given });
		int dot = given.indexOf('.');
		if (dot > 0 && dot < given.length() - 1) {
			tries.add(new String[] { given.substring(0, dot), given.substring(dot + 1) });
		}
		Connection c = meta.getConnection();
		String currentSchema = currentSchema(c);
		String currentCatalog = c.getCatalog();
		String[] types = selectableTypes(meta);
		for (String[] t : tries) {
			for (String schema : variants(t[0])) {
				for (String name : variants(t[1])) {
					List<Found> found = find(meta, types, schema, name);
					if (found.isEmpty()) {
						continue;
					}
					Found f = pick(found, currentSchema, currentCatalog);
					if (f == null) {
						List<String> where = new ArrayList<>();
						for (Found each : found) {
							where.add(display(each));
						}
						throw new IllegalArgumentException("--table " + given + ": there are tables of that name in several schemas ("
								+ String.join(", ", where) + "); write it as schema.table");
					}
					return quoted(meta, f, schema != null || (f.catalog() != null && !f.catalog().equals(currentCatalog)));
				}
			}
		}
		throw new IllegalArgumentException(missing(meta, types, given, currentSchema, currentCatalog, didYouMean));
	}

	/** The name as given, in upper case and in lower case (each once); {@code [null]} for no name. */
	private static List<String> variants(String name) {
		List<String> out = new ArrayList<>();
		if (name == null) {
			out.add(null);
			return out;
		}
		Set<String> seen = new LinkedHashSet<>();
		seen.add(name);
		seen.add(name.toUpperCase(Locale.ROOT));
		seen.add(name.toLowerCase(Locale.ROOT));
		out.addAll(seen);
		return out;
	}

	/**
	 * Tables and views named exactly {@code name} (in {@code schema}, which MariaDB/MySQL call a
	 * catalogue): {@code getTables} takes patterns, so {@code _} and {@code %} are escaped and every
	 * row is compared exactly again.
	 */
	private static List<Found> find(DatabaseMetaData meta, String[] types, String schema, String name)
			throws SQLException {
		String escape = meta.getSearchStringEscape();
		List<Found> out = new ArrayList<>();
		boolean catalogs = schema != null && !meta.supportsSchemasInTableDefinitions()
				&& meta.supportsCatalogsInTableDefinitions();
		try (ResultSet rs = catalogs ? meta.getTables(schema, null, pattern(name, escape), types)
				: meta.getTables(null, (schema != null) ? pattern(schema, escape) : null, pattern(name, escape), types)) {
			while (rs.next()) {
				Found f = new Found(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
				if (!name.equals(f.name())) {
					continue;
				}
				if (schema != null && !schema.equals(catalogs ? f.catalog() : f.schema())) {
					continue;
				}
				if (schema == null && isSystem(f)) {
					continue;
				}
				out.add(f);
			}
		}
		return out;
	}

	/** One table among those found: the only one, or the one in the connection's current schema. */
	private static Found pick(List<Found> found, String currentSchema, String currentCatalog) {
		if (found.size() == 1) {
			return found.get(0);
		}
		Found inCurrent = null;
		for (Found f : found) {
			boolean current = (f.schema() != null) ? f.schema().equals(currentSchema)
					: (f.catalog() != null && f.catalog().equals(currentCatalog));
			if (current) {
				if (inCurrent != null) {
					return null;
				}
				inCurrent = f;
			}
		}
		return inCurrent;
	}

	private static String quoted(DatabaseMetaData meta, Found f, boolean qualify) throws SQLException {
		String q = meta.getIdentifierQuoteString();
		if (q == null || q.isBlank()) {
			q = "";
		}
		String name = quote(q, f.name());
		if (f.schema() != null) {
			return quote(q, f.schema()) + "." + name;
		}
		if (qualify && f.catalog() != null) {
			return quote(q, f.catalog()) + "." + name;
		}
		return name;
	}

	private static String quote(String q, String identifier) {
		if (q.isEmpty()) {
			return identifier;
		}
		return q + identifier.replace(q, q + q) + q;
	}

	/**
	 * The table types a {@code SELECT} can read (tables, views, synonyms of every kind the driver
	 * names), so that an index or a sequence of the same name is never taken; {@code null} (all) when
	 * the driver does not say.
	 */
	private static String[] selectableTypes(DatabaseMetaData meta) {
		List<String> out = new ArrayList<>();
		try (ResultSet rs = meta.getTableTypes()) {
			while (rs.next()) {
				String type = rs.getString(1);
				String upper = (type != null) ? type.strip().toUpperCase(Locale.ROOT) : "";
				if ((upper.contains("TABLE") || upper.contains("VIEW") || upper.equals("SYNONYM"))
						&& !upper.contains("INDEX")) {
					out.add(type.strip());
				}
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return out.isEmpty() ? null : out.toArray(String[]::new);
	}

	private static String pattern(String s, String escape) {
		if (escape == null || escape.isEmpty()) {
			return s;
		}
		StringBuilder sb = new StringBuilder(s.length() + 4);
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '_' || ch == '%' || escape.indexOf(ch) >= 0) {
				sb.append(escape);
			}
			sb.append(ch);
		}
		return sb.toString();
	}

	private static boolean isSystem(Found f) {
		String schema = (f.schema() != null) ? f.schema() : f.catalog();
		return schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT));
	}

	private static String currentSchema(Connection c) {
		try {
			return c.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	private static String display(Found f) {
		String qualifier = (f.schema() != null) ? f.schema() : f.catalog();
		return (qualifier != null) ? qualifier + "." + f.name() : f.name();
	}

	/**
	 * "--table X: no table or view of that name …; did you mean Y? Tables here: …": the tables of the
	 * current schema first (unqualified), then those of other schemas (qualified), at most
	 * {@value #LISTED} listed; the suggestion is looked for among all of them.
	 */
	private static String missing(DatabaseMetaData meta, String[] types, String given, String currentSchema,
			String currentCatalog, BiFunction<String, Collection<String>, Optional<String>> didYouMean)
			throws SQLException {
		List<String> here = new ArrayList<>();
		List<String> elsewhere = new ArrayList<>();
		List<String> candidates = new ArrayList<>();
		try (ResultSet rs = meta.getTables(null, null, "%", types)) {
			while (rs.next() && candidates.size() < 100_000) {
				Found f = new Found(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
				String type = rs.getString("TABLE_TYPE");
				if (isSystem(f) || (type != null && type.toUpperCase(Locale.ROOT).contains("SYSTEM"))) {
					continue;
				}
				boolean current = (f.schema() != null) ? f.schema().equals(currentSchema)
						: (f.catalog() == null || f.catalog().equals(currentCatalog));
				String shown = current ? f.name() : display(f);
				(current ? here : elsewhere).add(shown);
				candidates.add(shown);
				if (!current) {
					candidates.add(f.name());
				}
			}
		}
		List<String> listed = new ArrayList<>(here);
		listed.addAll(elsewhere);
		String hint = didYouMean.apply(given, candidates).map(s -> "; did you mean " + s + "?").orElse("");
		StringBuilder sb = new StringBuilder("--table ").append(given)
			.append(": no table or view of that name in the database (looked for it as given, in upper and in lower case")
			.append(given.indexOf('.') > 0 ? ", and as schema.table" : "")
			.append(')')
			.append(hint);
		if (listed.isEmpty()) {
			sb.append("; the database has no tables");
		}
		else {
			int total = listed.size();
			sb.append("; tables: ").append(String.join(", ", listed.subList(0, Math.min(LISTED, total))));
			if (total > LISTED) {
				sb.append(" (").append(LISTED).append(" of ").append(total).append(')');
			}
		}
		return sb.toString();
	}

	@Override
	public String name() {
		return this.table;
	}

	@Override
	public void read(RowSink sink) throws IOException {
		try {
			this.connection.setAutoCommit(false);
			this.connection.setReadOnly(true);
			try (PreparedStatement st = this.connection.prepareStatement("SELECT * FROM " + this.reference,
					ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
				st.setFetchSize(FETCH_SIZE);
				try (ResultSet rs = st.executeQuery()) {
					ResultSetMetaData meta = rs.getMetaData();
					int width = meta.getColumnCount();
					List<String> names = new ArrayList<>();
					for (int i = 1; i <= width; i++) {
						names.add(meta.getColumnLabel(i));
					}
					sink.header(names);
					ArrayCells cells = new ArrayCells(width);
					long row = 0;
					while (rs.next()) {
						row++;
						for (int i = 0; i < width; i++) {
							cells.values[i] = rs.getString(i + 1);
						}
						sink.row(row, cells);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("reading table " + this.table + " failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public TableProblems problems() {
		return this.problems;
	}

	@Override
	public String describe() {
		try {
			return "database table " + this.reference + ", " + this.connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			return "database table " + this.reference;
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

}
