package cn.outbound.app.zone;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import cn.outbound.app.ServerTests;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zone's statistics (issue #13 item 3) over assessments of three organisations, in a database of their own:
 * a cell of two organisations reads "&lt;3" and the same cell of three its count; a lone suppressed outcome takes
 * another with it, so that it cannot be had by subtraction; only a REGULATOR reads them; page, API and CSV agree.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.db.url=jdbc:h2:mem:zone-statistics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "outbound.body-timeout=2s", "server.tomcat.connection-timeout=2s", "outbound.token-cache-ttl=0s",
				"outbound.ledger.key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
class ZoneStatisticsIntegrationTests extends ServerTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Writes writes;

	static final int YEAR = LocalDate.now(cn.outbound.app.web.BeijingTime.ZONE).getYear();

	/** An analyst's token in each organisation, per server (a PostgreSQL-backed context runs beside the H2 one). */
	static final Map<String, String> ANALYSTS = new ConcurrentHashMap<>();

	/** Stores a decided assessment as an analyst of the organisation would, through the API. */
	long assess(String org, String scenario) throws SQLException {
		String token = ANALYSTS.computeIfAbsent(this.port + "/" + org, k -> {
			try {
				return this.users.add("analyst-" + org, Role.ANALYST, PASSWORD, org, "tests", null).token();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments")))
			.POST(HttpRequest.BodyPublishers.ofString(scenario, StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.build());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json(r).get("id").asLong();
	}

	/** A processor's tally of the year (the ledger's derived cache), as the ledger of {@code org} holds it. */
	void tally(String org, boolean sensitive, long persons) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into"
				+ " ledger_tally (processor, tally_year, dimension, dimension_value, sensitive, tally_month, persons, bitmap)"
				+ " values (?, ?, 'all', '', ?, 3, ?, ?)")) {
			ps.setString(1, Organisations.ledgerKey(org, "p-" + org));
			ps.setInt(2, YEAR);
			ps.setBoolean(3, sensitive);
			ps.setLong(4, persons);
			ps.setBytes(5, new byte[0]);
			ps.executeUpdate();
		}
	}

	static String bank(long customers) {
		return bankScenario().replace("2026-03-15", YEAR + "-03-15").replace("1200000", String.valueOf(customers));
	}

	JsonNode stats() {
		HttpResponse<String> r = get("/api/v1/zone/statistics?year=" + YEAR, Role.REGULATOR);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json(r);
	}

	@Test
	@Order(1)
	void twoOrganisationsAreSuppressed() throws SQLException {
		Organisations orgs = new Organisations(this.dataSource, this.writes);
		for (String id : new String[] { "ent-a", "ent-b", "ent-c" }) {
			orgs.add(id, "Enterprise " + id, new Actor("tests", "127.0.0.1"));
		}
		assess("ent-a", bank(1_200_000));
		assess("ent-a", bank(1_200_000));
		assess("ent-b", bank(1_200_000));
		tally("ent-a", false, 1000);
		tally("ent-b", false, 2000);
		JsonNode s = stats();
		assertThat(s.get("organisations").asInt()).isEqualTo(4); // default and three
		assertThat(s.get("organisationsWithAssessments").asInt()).isEqualTo(2);
		assertThat(s.get("assessments").asString()).isEqualTo("<3");
		assertThat(s.get("byItem").get("20").asString()).isEqualTo("<3");
		assertThat(s.get("byOutcome").get("SECURITY_ASSESSMENT").asString()).isEqualTo("<3");
		assertThat(s.get("byMonth").get("1").asInt()).isZero();
		assertThat(s.get("personsExported").get("individuals").asString()).isEqualTo("<3");
		assertThat(s.get("personsExported").get("sensitiveIndividuals").asInt()).isZero();
		// nothing of two organisations shows: every figure of a breakdown is 0 or "<3"
		for (String breakdown : new String[] { "byOutcome", "byItem", "byCategory", "byMonth" }) {
			s.get(breakdown).properties().forEach(e -> assertThat(e.getValue().isString() || e.getValue().asLong() == 0)
				.as(breakdown + "." + e.getKey() + " = " + e.getValue()).isTrue());
		}
	}

	@Test
	@Order(2)
	void threeOrganisationsAreShownAndALoneSuppressedCellTakesAnother() throws SQLException {
		assess("ent-c", bank(1_200_000));
		assess("ent-c", bank(600_000));
		tally("ent-c", false, 500);
		JsonNode s = stats();
		assertThat(s.get("assessments").asInt()).isEqualTo(5);
		assertThat(s.get("byItem").get("20").asInt()).isEqualTo(4);
		assertThat(s.get("byItem").get("46").asInt()).isEqualTo(5);
		assertThat(s.get("personsExported").get("individuals").asLong()).isEqualTo(3500);
		// item 20 is of category 4 (banking), item 46 of category 13
		assertThat(s.get("byCategory").get("4").asInt()).isEqualTo(4);
		assertThat(s.get("byCategory").get("13").asInt()).isEqualTo(5);
		// the 600,000 one decides otherwise, only in ent-c: suppressed; the security assessments (three
		// organisations) would give it away as total − shown, so they are suppressed as well
		JsonNode outcomes = s.get("byOutcome");
		long shown = 0;
		int suppressed = 0;
		for (var e : outcomes.properties()) {
			if (e.getValue().isString()) {
				suppressed++;
			}
			else {
				shown += e.getValue().asLong();
			}
		}
		assertThat(suppressed).isGreaterThanOrEqualTo(2);
		assertThat(outcomes.get("SECURITY_ASSESSMENT").asString()).isEqualTo("<3");
		assertThat(shown).isZero();
		int month = LocalDate.now(cn.outbound.app.web.BeijingTime.ZONE).getMonthValue();
		assertThat(s.get("byMonth").get(String.valueOf(month)).asInt()).isEqualTo(5);
	}

	@Test
	@Order(3)
	void pageAndCsvShowTheSameFiguresToARegulatorOnly() {
		var client = signIn(Role.REGULATOR);
		HttpResponse<String> page = browserGet(client, "/zone/statistics?year=" + YEAR);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<svg class=\"zone-chart\" id=\"chart-outcome\"")
			.contains("id=\"stats-assessments\">5<")
			.contains("&lt;3")
			.doesNotContain("<script src=\"http");
		HttpResponse<String> csv = browserGet(client, "/zone/statistics.csv?year=" + YEAR);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFbreakdown,key,value").contains("\r\nbyItem,20,4\r\n")
			.contains("\r\nbyOutcome,SECURITY_ASSESSMENT,<3\r\n").contains("\r\nassessments,,5\r\n");
		assertThat(browserGet(client, "/zone/statistics?year=19x").statusCode()).isEqualTo(400);
		HttpResponse<String> bad = get("/api/v1/zone/statistics?year=1999", Role.REGULATOR);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("year");
		for (Role role : new Role[] { Role.ADMIN, Role.ANALYST, Role.VIEWER }) {
			assertThat(get("/api/v1/zone/statistics?year=" + YEAR, role).statusCode()).as(role.name()).isEqualTo(403);
		}
		assertThat(browserGet(signIn(Role.ADMIN), "/zone/statistics").statusCode()).isEqualTo(403);
		assertThat(new String(csv.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("ent-");
	}

	/** An assessment naming two items of one category (20 and 21, banking) counts once in the category. */
	@Test
	@Order(4)
	void anAssessmentCountsOnceInACategory() throws SQLException {
		String twoBankItems = bank(1_200_000).replace("\"data\": [{", "\"data\": [{\"item\": 21, \"description\":"
				+ " \"deposits\", \"facts\": {\"affectedCustomers\": 1200000}}, {");
		assertThat(twoBankItems).contains("\"item\": 21");
		for (String org : new String[] { "ent-a", "ent-b", "ent-c" }) {
			assess(org, twoBankItems);
		}
		JsonNode s = stats();
		assertThat(s.get("assessments").asInt()).isEqualTo(8);
		assertThat(s.get("byItem").get("20").asInt()).isEqualTo(7);
		assertThat(s.get("byItem").get("21").asInt()).isEqualTo(3);
		assertThat(s.get("byCategory").get("4").asInt()).isEqualTo(7);
	}

}
