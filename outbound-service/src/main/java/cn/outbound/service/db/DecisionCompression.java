package cn.outbound.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

/**
 * Migration 10, PostgreSQL only: the stored scenarios and decisions (a decision with its obligations' deadlines is
 * about 35 KB of JSON) are compressed with LZ4 instead of the default pglz when the server was built with it. pglz
 * took a third of a millisecond of the database's CPU per assessment stored, LZ4 a tenth, for the same size. Rows
 * stored before keep their compression; H2 and a PostgreSQL without LZ4 are left as they are.
 */
final class DecisionCompression extends JavaStep {

	DecisionCompression() {
		super(10, "decision compression");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection c = context.getConnection();
		if (lz4(c)) {
			try (Statement s = c.createStatement()) {
				s.execute("alter table assessment alter column decision set compression lz4");
				s.execute("alter table assessment alter column scenario set compression lz4");
			}
		}
	}

	/** PostgreSQL 14 or later, built with LZ4. */
	static boolean lz4(Connection c) throws SQLException {
		if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
				|| c.getMetaData().getDatabaseMajorVersion() < 14) {
			return false;
		}
		try (PreparedStatement ps = c.prepareStatement(
				"select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)");
				ResultSet rs = ps.executeQuery()) {
			return rs.next();
		}
	}

}
