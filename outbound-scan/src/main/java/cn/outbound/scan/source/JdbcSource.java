package cn.outbound.scan.source;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.pii.io.TableProblems;

/**
 * A database table read with a forward-only cursor and a fetch size, so rows stream (PostgreSQL
 * needs auto-commit off for that; MariaDB/MySQL streams with {@code useCursorFetch}).
 */
public final class JdbcSource implements TableSource {

	private static final int FETCH_SIZE = 1000;

	private final Connection connection;

	private final String table;

	private final TableProblems problems = new TableProblems();

	public JdbcSource(String url, String table, String user, String password) throws SQLException {
		if (!table.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?")) {
			throw new IllegalArgumentException("--table must be a plain table name (schema.table allowed), got an invalid name");
		}
		String u = url;
		if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
			// MariaDB's driver serves MySQL servers too; it takes a jdbc:mysql: URL only when told to
			u = u + (u.contains("?") ? "&" : "?") + "useCursorFetch=true"
					+ (u.startsWith("jdbc:mysql:") ? "&permitMysqlScheme" : "");
		}
		this.connection = (user != null) ? DriverManager.getConnection(u, user, password) : DriverManager.getConnection(u);
		this.table = table;
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
			try (PreparedStatement st = this.connection.prepareStatement("SELECT * FROM " + this.table,
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
			return "database table, " + this.connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			return "database table";
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
