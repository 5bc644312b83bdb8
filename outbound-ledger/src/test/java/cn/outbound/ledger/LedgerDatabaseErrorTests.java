package cn.outbound.ledger;

import cn.outbound.ledger.db.LedgerException;
import cn.outbound.rules.Basis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database failure under the ledger reaches its caller as a {@link LedgerException} without SQL (#9).
 */
class LedgerDatabaseErrorTests {

	@TempDir
	Path dir;

	@Test // #9
	void aDroppedTableIsToldWithoutSql() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("data/db").toAbsolutePath();
		try (Ledger ledger = Ledger.fromEnvironment(Map.of("OUTBOUND_DB_URL", url, "OUTBOUND_LEDGER_SPILL_DIR",
				this.dir.resolve("spill").toString()), m -> {
				})) {
			ledger.record(EventSpec.of("p", "e1", java.time.LocalDate.of(2026, 3, 1), Basis.NONE),
					Persons.of(PersonClass.NON_SENSITIVE, cn.outbound.pii.IdentifierKind.RESIDENT_ID,
							List.of(TestIds.ZHANG_WEI_ID)));
			try (Connection c = ledger.database().connection(); Statement s = c.createStatement()) {
				s.execute("drop table ledger_tally");
			}
			LedgerException ex = catchThrowableOfType(LedgerException.class,
					() -> ledger.status("p", 2026, Thresholds.NATIONAL_2024));
			assertThat(ex.getMessage()).startsWith("database error while reading the ledger")
				.contains("SQLSTATE")
				.doesNotContainIgnoringCase("select")
				.doesNotContainIgnoringCase("ledger_tally")
				.doesNotContain("SQL statement");
		}
	}

}
