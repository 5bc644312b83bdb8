package cn.outbound.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server on a plain H2 file URL (#9: it failed with a raw SQL syntax error), and what the API answers when its
 * database breaks under it: a {@code database-error} problem without SQL, the details in the log only.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseErrorApiIntegrationTests extends ServerTests {

	@DynamicPropertySource
	static void plainH2(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("outbound-plain-h2");
		registry.add("outbound.db.url", () -> "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
	}

	@Autowired
	DataSource dataSource;

	@Test // #9
	@Order(1)
	void theServerAndItsLedgerRunOnAPlainH2FileUrl() {
		assertThat(get("/health", null).statusCode()).isEqualTo(200);
		HttpResponse<String> r = post("/api/v1/ledger/plain-h2/events?date=2026-03-15&eventKey=b1&column=id",
				Role.ANALYST, "id\n11010519491231002X\n", "Content-Type", "text/csv");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		HttpResponse<String> s = get("/api/v1/ledger/plain-h2/status?year=2026", Role.VIEWER);
		assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
		assertThat(json(s).get("individuals").asLong()).isEqualTo(1);
		assertThat(get("/api/v1/assessments", Role.VIEWER).statusCode()).isEqualTo(200);
	}

	@Test // #9
	@Order(2)
	void aBrokenDatabaseGivesADatabaseErrorProblemWithoutSql() throws Exception {
		String viewer = token(Role.VIEWER);
		assertThat(viewer).isNotBlank();
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("drop table ledger_tally");
			s.execute("drop table assessment cascade");
		}
		for (String path : new String[] { "/api/v1/ledger/plain-h2/status?year=2026", "/api/v1/assessments" }) {
			HttpResponse<String> r = get(path, Role.VIEWER);
			assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(500);
			assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
					t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:database-error");
			assertThat(r.body()).doesNotContainIgnoringCase("select")
				.doesNotContainIgnoringCase("ledger_tally")
				.doesNotContainIgnoringCase("SQL statement")
				.doesNotContain("\tat ");
		}
	}

}
