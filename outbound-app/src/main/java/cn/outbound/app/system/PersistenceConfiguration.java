package cn.outbound.app.system;

import javax.sql.DataSource;

import cn.outbound.app.audit.AuditLog;
import cn.outbound.app.audit.Writes;
import cn.outbound.app.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database ({@link AppDatabase}): {@code OUTBOUND_DB_URL} or the embedded H2 file, migrated at start.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Environment env) {
		String url = env.getProperty("outbound.db.url", AppDatabase.DEFAULT_URL);
		if (url.isBlank()) {
			url = AppDatabase.DEFAULT_URL;
		}
		String schema = env.getProperty("outbound.db.schema");
		if (schema != null && schema.isBlank()) {
			schema = null;
		}
		HikariDataSource ds = AppDatabase.open(url, schema, env.getProperty("outbound.db.pool-size", Integer.class, 16));
		try {
			AppDatabase.migrate(ds, schema);
		}
		catch (RuntimeException ex) {
			ds.close();
			throw ex;
		}
		log.info("Database: {}", AppDatabase.describe(url));
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
	AuditLog auditLog(DataSource dataSource) {
		return new AuditLog(dataSource);
	}

}
