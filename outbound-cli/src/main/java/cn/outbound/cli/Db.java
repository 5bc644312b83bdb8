package cn.outbound.cli;

import java.net.InetAddress;

import cn.outbound.app.audit.Writes;
import cn.outbound.app.system.AppDatabase;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The server's database opened from the CLI (OUTBOUND_DB_URL or the embedded H2 file), migrated, with a writer that
 * extends the same audit chain as the server.
 */
final class Db implements AutoCloseable {

	final HikariDataSource dataSource;

	final Writes writes;

	private Db(HikariDataSource dataSource) {
		this.dataSource = dataSource;
		this.writes = new Writes(dataSource);
	}

	static Db open() {
		String url = AppDatabase.url();
		String schema = AppDatabase.schema();
		HikariDataSource ds = AppDatabase.open(url, schema, 2);
		try {
			AppDatabase.migrate(ds, schema);
		}
		catch (RuntimeException ex) {
			ds.close();
			throw new IllegalStateException("cannot prepare the database " + AppDatabase.describe(url), ex);
		}
		return new Db(ds);
	}

	/** Who acts from the command line: the operating-system user. */
	static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	/** Where from: this machine. */
	static String remote() {
		try {
			return "cli@" + InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "cli@localhost";
		}
	}

	@Override
	public void close() {
		this.writes.close();
		this.dataSource.close();
	}

}
