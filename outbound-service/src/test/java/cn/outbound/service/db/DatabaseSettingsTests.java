package cn.outbound.service.db;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading of the database settings, for the server (Spring's property names) and the CLI (system properties,
 * then the environment): the same names give the same settings, and the ledger opens on the same database.
 */
class DatabaseSettingsTests {

	private static final String PG = "jdbc:postgresql://127.0.0.1:5432/outbound?user=app&password=s3cret";

	@AfterEach
	void reset() {
		System.clearProperty(DatabaseSettings.URL);
		System.clearProperty(DatabaseSettings.SCHEMA);
	}

	@Test // #10: nothing set is the embedded H2 file under ./data
	void nothingSetIsTheEmbeddedDefault() {
		DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of());
		assertThat(s.url()).isEqualTo("jdbc:h2:file:./data/outbound;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		assertThat(s.h2()).isTrue();
		assertThat(s.schema()).isNull();
		assertThat(s.user()).isNull();
		assertThat(s.password()).isNull();
		assertThat(s.ledgerKey()).isNull();
		assertThat(DatabaseSettings.fromEnvironment(Map.of("OUTBOUND_DB_URL", "  ")).url()).isEqualTo(s.url());
	}

	@Test // #10
	void theEnvironmentNamesEverySetting() {
		DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of("OUTBOUND_DB_URL", " " + PG + "\n",
				"OUTBOUND_DB_SCHEMA", "tenant_a", "OUTBOUND_DB_USER", "app", "OUTBOUND_DB_PASSWORD", "pw",
				"OUTBOUND_LEDGER_KEY", "k".repeat(44)));
		assertThat(s.url()).isEqualTo(PG);
		assertThat(s.h2()).isFalse();
		assertThat(s.schema()).isEqualTo("tenant_a");
		assertThat(s.user()).isEqualTo("app");
		assertThat(s.password()).isEqualTo("pw");
		assertThat(s.ledgerKey()).isEqualTo("k".repeat(44));
	}

	@Test // #10: -Doutbound.db.url wins over OUTBOUND_DB_URL, as it does for the server
	void aSystemPropertyWinsOverTheEnvironment() {
		System.setProperty(DatabaseSettings.URL, "jdbc:h2:mem:from-property");
		System.setProperty(DatabaseSettings.SCHEMA, " ");
		DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of("OUTBOUND_DB_URL", PG, "OUTBOUND_DB_SCHEMA", "s"));
		assertThat(s.url()).isEqualTo("jdbc:h2:mem:from-property");
		// a blank property does not hide the environment
		assertThat(s.schema()).isEqualTo("s");
	}

	@Test // #10: the server reads the same names through Spring's environment
	void theServerAndTheCliReadTheSameNames() {
		Map<String, String> properties = new HashMap<>();
		properties.put("outbound.db.url", PG);
		properties.put("outbound.db.schema", "tenant_a");
		properties.put("outbound.ledger.key", "key");
		DatabaseSettings server = DatabaseSettings.from(properties::get);
		DatabaseSettings cli = DatabaseSettings.fromEnvironment(
				Map.of("OUTBOUND_DB_URL", PG, "OUTBOUND_DB_SCHEMA", "tenant_a", "OUTBOUND_LEDGER_KEY", "key"));
		assertThat(server).isEqualTo(cli);
		assertThat(DatabaseSettings.environmentName("outbound.db.pool-size")).isEqualTo("OUTBOUND_DB_POOL_SIZE");
	}

	@Test // #10: one database for the server's tables and the ledger
	void theLedgerOpensOnTheSameDatabase() {
		DatabaseSettings s = new DatabaseSettings(PG, null, "app", "pw", "from-settings");
		Map<String, String> env = Map.of("OUTBOUND_DB_URL", "jdbc:h2:mem:other", "OUTBOUND_LEDGER_SPILL_DIR", "/tmp/x");
		Map<String, String> ledger = s.ledgerEnvironment(env);
		assertThat(ledger).containsEntry("OUTBOUND_DB_URL", PG)
			.containsEntry("OUTBOUND_DB_USER", "app")
			.containsEntry("OUTBOUND_DB_PASSWORD", "pw")
			.containsEntry("OUTBOUND_LEDGER_KEY", "from-settings")
			.containsEntry("OUTBOUND_LEDGER_SPILL_DIR", "/tmp/x");
		// a key in the process environment is the ledger's own: the settings do not replace it
		assertThat(s.ledgerEnvironment(Map.of("OUTBOUND_LEDGER_KEY", "own"))).containsEntry("OUTBOUND_LEDGER_KEY", "own");
		assertThat(DatabaseSettings.of(PG).ledgerEnvironment(Map.of())).doesNotContainKeys("OUTBOUND_DB_USER",
				"OUTBOUND_DB_PASSWORD", "OUTBOUND_LEDGER_KEY");
	}

	@Test // #10: never a password or key in a message
	void thePasswordAndTheKeyAreNeverShown() {
		DatabaseSettings s = new DatabaseSettings(PG, null, "app", "pw-secret", "key-secret");
		assertThat(s.displayUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/outbound?user=app&password=***");
		assertThat(s.toString()).doesNotContain("s3cret", "pw-secret", "key-secret");
		assertThat(DatabaseSettings.of("jdbc:h2:file:./x;PASSWORD=abc;USER=sa").displayUrl()).doesNotContain("abc");
	}

}
