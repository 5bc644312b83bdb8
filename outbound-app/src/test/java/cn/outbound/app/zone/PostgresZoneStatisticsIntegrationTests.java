package cn.outbound.app.zone;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ZoneStatisticsIntegrationTests} again on PostgreSQL, in a schema of its own made anew. Runs when
 * {@code outbound.test.postgres.url} is set (OUTBOUND_TEST_POSTGRES_URL).
 */
@EnabledIfSystemProperty(named = "outbound.test.postgres.url", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.body-timeout=2s", "server.tomcat.connection-timeout=2s", "outbound.token-cache-ttl=0s",
				"outbound.ledger.key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
class PostgresZoneStatisticsIntegrationTests extends ZoneStatisticsIntegrationTests {

	static final String SCHEMA = "outbound_zone_statistics_test";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		cn.outbound.app.PostgresSchemas.register(registry, SCHEMA);
	}

}
