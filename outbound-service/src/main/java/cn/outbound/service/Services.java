package cn.outbound.service;

import javax.sql.DataSource;

import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The application layer on one database, as a door without a container constructs it (the CLI): the pool, migrated;
 * the single writer, which extends the same audit chain as a running server; users; the audit log. The server wires the
 * same classes as beans. Closing it waits for the writes under way.
 */
public final class Services implements AutoCloseable {

	private final HikariDataSource dataSource;

	private final Writes writes;

	private final Users users;

	private final AuditLog auditLog;

	private Services(HikariDataSource dataSource) {
		this.dataSource = dataSource;
		this.writes = new Writes(dataSource);
		this.users = new Users(dataSource, this.writes);
		this.auditLog = new AuditLog(dataSource);
	}

	/**
	 * Opens the database {@code settings} name with a small pool and migrates it.
	 * @throws IllegalStateException naming the database when it cannot be prepared
	 */
	public static Services open(DatabaseSettings settings) {
		return new Services(settings.openMigrated(2));
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public Writes writes() {
		return this.writes;
	}

	public Users users() {
		return this.users;
	}

	public AuditLog auditLog() {
		return this.auditLog;
	}

	@Override
	public void close() {
		this.writes.close();
		this.dataSource.close();
	}

}
