package cn.outbound.app.zone;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.outbound.app.ServerTests;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regulator drafts a list edition in the browser (issue #13 item 4): the live check locates problems at
 * draft.yaml:line:col, the impact analysis re-decides this year's assessments (a count resting on two organisations
 * reads "&lt;3", on three its number), publishing stores the cases, each organisation sees its own notice and
 * re-assesses in one click; all audited. In a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.db.url=jdbc:h2:mem:zone-editions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "outbound.body-timeout=5s",
				"server.tomcat.connection-timeout=5s", "outbound.token-cache-ttl=0s" })
class EditionImpactIntegrationTests extends ServerTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Writes writes;

	static final int YEAR = LocalDate.now(BeijingTime.ZONE).getYear();

	static final String EDITION = (YEAR + 1) + "-draft";

	/** The test revision of the list (item 20 from 1,000,000 customers down to 500,000), as next year's edition. */
	static String draft() {
		try (InputStream in = EditionImpactIntegrationTests.class.getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("edition: \"2025-test\"",
					"edition: \"" + EDITION + "\"").replace("inForceFrom: 2025-07-01", "inForceFrom: " + (YEAR + 1) + "-01-01");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long assess(String org, long customers) throws SQLException {
		String scenario = bankScenario().replace("2026-03-15", YEAR + "-03-15")
			.replace("1200000", String.valueOf(customers));
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST, scenario);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		long id = json(r).get("id").asLong();
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("update assessment set org_id = ? where id = ?")) {
			ps.setString(1, org);
			ps.setLong(2, id);
			ps.executeUpdate();
		}
		return id;
	}

	static String form(String csrf, String... pairs) {
		StringBuilder b = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		for (int i = 0; i < pairs.length; i += 2) {
			b.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return b.toString();
	}

	static String group(String regex, String text) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	@Test
	void aRegulatorDraftsAnalysesAndPublishesAndEachOrganisationIsTold() throws SQLException {
		Organisations orgs = new Organisations(this.dataSource, this.writes);
		for (String id : new String[] { "ent-a", "ent-b", "ent-c" }) {
			orgs.add(id, "Enterprise " + id, new Actor("tests", "127.0.0.1"));
		}
		long a1 = assess("ent-a", 600_000);
		long b1 = assess("ent-b", 600_000);
		long a2 = assess("ent-a", 1_200_000); // item 20 already: decides the same

		HttpClient regulator = signIn(Role.REGULATOR);
		HttpResponse<String> page = browserGet(regulator, "/zone/editions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"edition-yaml\"").contains("id: tianjin-ftz").contains("id=\"threshold-20\"");
		String csrf = csrf(page.body());

		// the live check: a broken draft's problems at draft.yaml:line:col; a sound one's thresholds
		HttpResponse<String> broken = browserPost(regulator, "/zone/editions/validate",
				form(csrf, "yaml", draft().replaceFirst("mechanism: SECURITY_ASSESSMENT", "mechanism: MAYBE")));
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThat(broken.body()).contains("id=\"edition-problems\"").containsPattern("draft\\.yaml:\\d+:\\d+");
		HttpResponse<String> sound = browserPost(regulator, "/zone/editions/validate", form(csrf, "yaml", draft()));
		assertThat(sound.body()).contains("id=\"edition-valid\"").contains("id=\"threshold-20\"").contains("500,000");

		// the same for a program
		HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(url("/api/v1/zone/editions/validate")))
			.header("Authorization", "Bearer " + token(Role.REGULATOR)).header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString("schema: outbound/rule-pack/v1\nid: [", StandardCharsets.UTF_8))
			.build());
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode v = json(api);
		assertThat(v.get("valid").asBoolean()).isFalse();
		assertThat(v.get("problems").get(0).get("location").asString()).matches("draft\\.yaml:\\d+:\\d+");
		assertThat(post("/api/v1/zone/editions/validate", Role.ADMIN, "x").statusCode()).isEqualTo(403);

		// two organisations' assessments change: the count is suppressed
		HttpResponse<String> two = browserPost(regulator, "/zone/editions/impact", form(csrf, "yaml", draft()));
		assertThat(two.statusCode()).as(two.body()).isEqualTo(200);
		assertThat(two.body()).contains("id=\"diff-item-20\"");
		assertThat(group("<tr id=\"impact-item-20\">.*?<td class=\"num\">([^<]*)</td></tr>", two.body())).isEqualTo("&lt;3");

		// a third organisation's: shown
		long c1 = assess("ent-c", 600_000);
		HttpResponse<String> three = browserPost(regulator, "/zone/editions/impact", form(csrf, "yaml", draft()));
		assertThat(group("<tr id=\"impact-item-20\">.*?<td class=\"num\">([^<]*)</td></tr>", three.body())).isEqualTo("3");
		assertThat(three.body()).contains("data-assessments=\"4\" data-changed=\"3\"");
		assertThat(two.body()).contains("data-assessments=\"3\" data-changed=\"&lt;3\"");
		String analysed = group("action=\"/zone/editions/([^/\"]+)/publish\"", three.body());

		HttpResponse<String> published = browserPost(regulator, "/zone/editions/" + analysed + "/publish", form(csrf));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
		assertThat(published.headers().firstValue("Location").orElse("")).contains("published=tianjin-ftz@" + EDITION);
		try {
			// ent-a is told of its own changed assessment, not of ent-b's, nor of its unchanged one
			String aToken = this.users.add("analyst-a", Role.ANALYST, PASSWORD, "ent-a", "tests", "127.0.0.1").token();
			HttpClient a = browser();
			signInAs(a, "analyst-a", PASSWORD);
			String history = browserGet(a, "/assessments").body();
			String notice = group("(<div class=\"notice list-change\" id=\"list-change-tianjin-ftz-" + EDITION
					+ "\".*?</div>)", history.replace('\n', ' '));
			assertThat(notice).contains("href=\"/assessments/" + a1 + "\"")
				.doesNotContain("href=\"/assessments/" + b1 + "\"")
				.doesNotContain("id=\"reassess-" + a2 + "\"")
				.contains((YEAR + 1) + "-01-01");
			String aCsrf = csrf(history);
			assertThat(browserPost(a, "/assessments/" + b1 + "/reassess",
					form(aCsrf, "pack", "tianjin-ftz", "edition", EDITION)).statusCode()).isEqualTo(404);
			HttpResponse<String> again = browserPost(a, "/assessments/" + a1 + "/reassess",
					form(aCsrf, "pack", "tianjin-ftz", "edition", EDITION));
			assertThat(again.statusCode()).isEqualTo(302);
			String created = again.headers().firstValue("Location").orElseThrow().replaceAll(".*/assessments/", "");
			// the new assessment is ent-a's: the default organisation's users do not see it
			assertThat(get("/api/v1/assessments/" + created, Role.VIEWER).statusCode()).isEqualTo(404);
			JsonNode n = json(send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments/" + created)))
				.header("Authorization", "Bearer " + aToken).GET().build()));
			assertThat(n.toString()).contains(EDITION);
			assertThat(n.get("items").toString()).isEqualTo("[20,46]");

			for (String action : new String[] { "EDITION_IMPACT_ANALYSED", "RULE_PACK_PUBLISHED", "EDITION_IMPACT_RECORDED" }) {
				assertThat(json(get("/api/v1/audit?action=" + action, Role.ADMIN)).get("total").asLong()).as(action)
					.isPositive();
			}
			assertThat(browserGet(signIn(Role.ANALYST), "/zone/editions").statusCode()).isEqualTo(403);
		}
		finally {
			HttpResponse<String> withdrawn = send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs/tianjin-ftz/" + EDITION)))
				.header("Authorization", "Bearer " + token(Role.ADMIN)).DELETE().build());
			assertThat(withdrawn.statusCode()).isEqualTo(204);
		}
		assertThat(c1).isPositive();
	}

}
