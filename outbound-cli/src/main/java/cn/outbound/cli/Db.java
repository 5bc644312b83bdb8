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
		return open(System.getenv());
	}

	/** The database named by {@code env} ({@code OUTBOUND_DB_URL}), as the ledger's commands are given it. */
	static Db open(java.util.Map<String, String> env) {
		String url = AppDatabase.url(env);
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


	/**
	 * Audits an event the CLI wrote to the ledger ({@link cn.outbound.app.audit.LedgerAudit}, as the server does). The
	 * event is already committed: a failure to audit is reported, and the command still succeeds.
	 */
	static void auditLedger(java.util.Map<String, String> env, cn.outbound.ledger.RecordResult r,
			java.io.PrintWriter err) {
		try (Db db = open(env)) {
			cn.outbound.app.audit.LedgerAudit.record(db.writes, actor(), remote(), r);
		}
		catch (Exception ex) {
			err.println("outbound: warning: the ledger event was recorded but could not be audited: "
					+ Errors.describe(ex));
		}
	}

}
