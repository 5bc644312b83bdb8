package cn.outbound.app;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #9 item 5: over-long or repeated input is a 4xx naming the field and the limit, at every door. */
class InputBoundsIntegrationTests extends ServerTests {

	private static String bank(String name, String data) {
		return "{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\",\"date\":\"2026-03-15\","
				+ "\"processor\":{\"id\":\"bounds\",\"name\":\"" + name + "\",\"ciio\":false},\"data\":" + data + "}";
	}

	@Test // #9
	void aProcessorNameOver500CharactersIs422NamingTheField() {
		HttpResponse<String> ok = post("/api/v1/assessments", Role.ANALYST, bank("名".repeat(500), "[]"));
		assertThat(ok.statusCode()).isEqualTo(201);
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST, bank("名".repeat(501), "[]"));
		assertThat(r.statusCode()).isEqualTo(422);
		assertThat(r.body()).contains("/processor/name").contains("500");
	}

	@Test // #9
	void twentyThousandRepeatedItemsAreRefusedAndNothingIsStored() {
		StringBuilder data = new StringBuilder("[");
		for (int i = 0; i < 20_000; i++) {
			data.append((i > 0) ? "," : "").append("{\"item\":20,\"facts\":{\"affectedCustomers\":1200000}}");
		}
		long before = json(get("/api/v1/assessments?size=1", Role.VIEWER)).get("total").asLong();
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST, bank("x", data.append(']').toString()));
		assertThat(r.statusCode()).isIn(413, 422);
		assertThat(r.body().length()).isLessThan(100_000);
		assertThat(json(get("/api/v1/assessments?size=1", Role.VIEWER)).get("total").asLong()).isEqualTo(before);
		HttpResponse<String> twice = post("/api/v1/decisions", Role.ANALYST,
				bank("x", "[{\"item\":20},{\"item\":20}]"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("/data/1/item").contains("declared twice");
	}

	@Test // #9
	void aFormTitleOver200CharactersIsShownOnTheFormNotAServerError() {
		HttpClient client = signIn(Role.ANALYST);
		String token = csrf(browserGet(client, "/assess").body());
		HttpResponse<String> r = browserPost(client, "/assess", "_csrf=" + java.net.URLEncoder.encode(token,
				java.nio.charset.StandardCharsets.UTF_8) + "&jurisdiction=tianjin-ftz&date=2026-03-15&processor.name=x"
				+ "&processor.ciio=false&title=" + "t".repeat(201));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"title-error\"").contains("200");
		HttpResponse<String> draft = browserPost(client, "/assess", "_csrf=" + java.net.URLEncoder.encode(token,
				java.nio.charset.StandardCharsets.UTF_8) + "&action=draft&processor.name=" + "名".repeat(400));
		assertThat(draft.statusCode()).isEqualTo(302);
	}

	/** The small JSON bodies of /api/v1/orgs and /api/v1/reports (Bodies.object): each mistake named, in one way. */
	@Test
	void smallObjectBodiesNameTheirMistake() {
		record Case(String path, Role role, String fields) {
		}
		for (Case c : new Case[] { new Case("/api/v1/orgs", Role.ADMIN, "id, name"),
				new Case("/api/v1/reports", Role.ANALYST, "kind, id, note") }) {
			HttpResponse<String> malformed = post(c.path(), c.role(), "{not json");
			assertThat(malformed.statusCode()).as(c.path()).isEqualTo(400);
			assertThat(malformed.body()).contains("malformed-json");
			HttpResponse<String> array = post(c.path(), c.role(), "[1]");
			assertThat(array.statusCode()).as(c.path()).isEqualTo(400);
			assertThat(array.body()).contains("\"parameter\":\"body\"").contains("send {");
			HttpResponse<String> unknown = post(c.path(), c.role(), "{\"colour\": 1}");
			assertThat(unknown.statusCode()).as(c.path()).isEqualTo(400);
			assertThat(unknown.body()).contains("\"parameter\":\"colour\"").contains("unknown field; allowed: " + c.fields());
			HttpResponse<String> large = post(c.path(), c.role(), "{\"id\": \"" + "x".repeat(70_000) + "\"}");
			assertThat(large.statusCode()).as(c.path()).isEqualTo(413);
			assertThat(post(c.path(), c.role(), "id=x", "Content-Type", "application/x-www-form-urlencoded").statusCode())
				.as(c.path()).isEqualTo(415);
		}
	}

}
