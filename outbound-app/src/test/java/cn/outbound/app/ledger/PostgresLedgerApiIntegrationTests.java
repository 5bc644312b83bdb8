package cn.outbound.app.ledger;

import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger's REST endpoints and the decisions that read it, on a server whose database is PostgreSQL: every test of
 * {@link LedgerApiIntegrationTests} again, in a schema of its own that is made anew. Runs when
 * {@code outbound.test.postgres.url} is set (CI sets it through OUTBOUND_TEST_POSTGRES_URL).
 */
@EnabledIfSystemProperty(named = "outbound.test.postgres.url", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.body-timeout=2s", "server.tomcat.connection-timeout=2s", "outbound.token-cache-ttl=0s",
				"outbound.ledger.key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
class PostgresLedgerApiIntegrationTests extends LedgerApiIntegrationTests {

	static final String SCHEMA = "outbound_ledger_api_test";

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws SQLException {
		cn.outbound.app.PostgresSchemas.register(registry, SCHEMA);
	}

}
