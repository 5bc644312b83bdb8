package cn.outbound.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator publishes a new rule-pack edition (a test revision that moves item 20's threshold to 500,000) and
 * withdraws it again; decisions dated after its start use it meanwhile.
 */
class RulePackPublishingIntegrationTests extends ServerTests {

	private static String edition() {
		try (InputStream in = RulePackPublishingIntegrationTests.class.getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> upload(Role role, String yaml, String query) {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs" + query)))
			.header("Authorization", "Bearer " + token(role))
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
			.build());
	}

	private HttpResponse<String> withdraw(String id, String edition) {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs/" + id + "/" + edition)))
			.header("Authorization", "Bearer " + token(Role.ADMIN)).DELETE().build());
	}

	@Test
	void anAdminPublishesAndWithdrawsAnEdition() {
		String scenario = bankScenario().replace("2026-03-15", "2026-08-01")
			.replace("1200000", "600000");
		assertThat(json(post("/api/v1/decisions", Role.ANALYST, scenario)).get("items").toString()).isEqualTo("[46]");

		assertThat(upload(Role.ANALYST, edition(), "").statusCode()).isEqualTo(403);
		HttpResponse<String> dry = upload(Role.ADMIN, edition(), "?dryRun=true");
		assertThat(dry.statusCode()).isEqualTo(200);
		assertThat(json(dry).get("editions").toString()).contains("tianjin-ftz@2025-test");
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/2025-test", Role.VIEWER).statusCode()).isEqualTo(404);

		HttpResponse<String> published = upload(Role.ADMIN, edition(), "?fileName=tianjin-ftz-2025-test.yaml");
		try {
			assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
			assertThat(json(published).get("edition").asString()).isEqualTo("2025-test");
			JsonNode d = json(post("/api/v1/decisions", Role.ANALYST, scenario));
			assertThat(d.get("rulePack").get("edition").asString()).isEqualTo("2025-test");
			assertThat(d.get("items").toString()).isEqualTo("[20,46]");
			assertThat(upload(Role.ADMIN, edition(), "").statusCode()).isEqualTo(409);
			assertThat(json(get("/api/v1/audit?action=RULE_PACK_PUBLISHED", Role.ADMIN)).get("total").asLong()).isPositive();
		}
		finally {
			assertThat(withdraw("tianjin-ftz", "2025-test").statusCode()).isEqualTo(204);
		}
		assertThat(json(post("/api/v1/decisions", Role.ANALYST, scenario)).get("rulePack").get("edition").asString())
			.isEqualTo("2024");
		assertThat(withdraw("tianjin-ftz", "2024").statusCode()).isEqualTo(409);
		assertThat(withdraw("tianjin-ftz", "1999").statusCode()).isEqualTo(404);
	}

	@Test
	void aBrokenEditionIsRefusedWithEveryProblemLocated() {
		String broken = edition().replace("edition: \"2025-test\"", "edition: \"2025-broken\"")
			.replaceFirst("mechanism: SECURITY_ASSESSMENT", "mechanism: MAYBE");
		HttpResponse<String> r = upload(Role.ADMIN, broken, "");
		assertThat(r.statusCode()).isEqualTo(422);
		JsonNode p = json(r);
		assertThat(p.get("type").asString()).isEqualTo("urn:outbound:problem:invalid-rule-pack");
		assertThat(p.get("errors").get(0).get("line").asInt()).isPositive();
		assertThat(p.get("errors").get(0).get("pointer").asString()).startsWith("/");
		HttpResponse<String> overlap = upload(Role.ADMIN, edition().replace("edition: \"2025-test\"", "edition: \"2024b\"")
			.replace("inForceFrom: 2025-07-01", "inForceFrom: 2024-05-08"), "");
		if (overlap.statusCode() == 201) {
			withdraw("tianjin-ftz", "2024b");
		}
		assertThat(overlap.statusCode()).isEqualTo(409);
		assertThat(json(overlap).get("type").asString()).isEqualTo("urn:outbound:problem:edition-order");
	}

}
