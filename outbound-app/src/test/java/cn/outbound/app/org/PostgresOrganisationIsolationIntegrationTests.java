package cn.outbound.app.org;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every test of {@link OrganisationIsolationIntegrationTests} again on a server whose database is PostgreSQL, in a
 * schema of its own that is made anew. Runs when {@code outbound.test.postgres.url} is set (CI sets it through
 * OUTBOUND_TEST_POSTGRES_URL).
 */
@EnabledIfSystemProperty(named = "outbound.test.postgres.url", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.body-timeout=2s", "server.tomcat.connection-timeout=2s", "outbound.token-cache-ttl=0s",
				"outbound.scan.max-upload=2MB", "outbound.scan.temp-dir=target/scan-uploads",
				"outbound.ledger.key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
class PostgresOrganisationIsolationIntegrationTests extends OrganisationIsolationIntegrationTests {

	static final String SCHEMA = "outbound_orgs_test";

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws SQLException {
		cn.outbound.app.PostgresSchemas.register(registry, SCHEMA);
	}

}
