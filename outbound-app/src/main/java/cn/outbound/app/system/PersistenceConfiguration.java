package cn.outbound.app.system;

import javax.sql.DataSource;

import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database ({@link DatabaseSettings}, read from the same names the CLI reads: {@code outbound.db.url} /
 * {@code OUTBOUND_DB_URL} or the embedded H2 file), migrated at start, and the application layer's single writer,
 * users and audit log on it.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

	@Bean
	DatabaseSettings databaseSettings(Environment env) {
		return DatabaseSettings.from(env::getProperty);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseSettings settings, Environment env) {
		HikariDataSource ds = settings.openMigrated(env.getProperty("outbound.db.pool-size", Integer.class, 16));
		log.info("Database: {}", settings.displayUrl());
		return ds;
	}

	@Bean(destroyMethod = "close")
	Writes writes(DataSource dataSource) {
		return new Writes(dataSource);
	}

	@Bean
	Users users(DataSource dataSource, Writes writes) {
		return new Users(dataSource, writes);
	}

	@Bean
	cn.outbound.service.org.Organisations organisations(DataSource dataSource, Writes writes) {
		return new cn.outbound.service.org.Organisations(dataSource, writes);
	}

	@Bean
	AuditLog auditLog(DataSource dataSource) {
		return new AuditLog(dataSource);
	}

}
