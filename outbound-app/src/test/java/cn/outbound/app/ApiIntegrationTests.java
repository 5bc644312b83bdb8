package cn.outbound.app;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the REST API and every error it answers with, against the real server.
 */
class ApiIntegrationTests extends ServerTests {

	@Test // #3
	void decidesTheBankScenarioWithoutStoringIt() {
		long before = json(get("/api/v1/assessments", Role.VIEWER)).get("total").asLong();
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, bankScenario());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode d = json(r);
		assertThat(d.get("schema").asString()).isEqualTo("outbound/decision/v1");
		assertThat(d.get("outcome").asString()).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(d.get("items").toString()).isEqualTo("[20,46]");
		assertThat(d.get("rulePack").get("id").asString()).isEqualTo("tianjin-ftz");
		assertThat(d.get("headroom").get("individuals").get("nextAt").asLong()).isEqualTo(1_000_000);
		assertThat(json(get("/api/v1/assessments", Role.VIEWER)).get("total").asLong()).isEqualTo(before);
		// a token call is stateless: no session is made for it
		assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void decidesEverySpecExampleAsTheSpecSays() throws Exception {
		try (var files = java.nio.file.Files.list(repo().resolve("spec/examples"))) {
			List<String> names = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
				.map(n -> n.substring(0, n.length() - 5))
				.sorted()
				.toList();
			assertThat(names).isNotEmpty();
			for (String name : names) {
				JsonNode expected = JSON.readTree(example(name + ".expected"));
				HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, example(name));
				if (expected.has("outcome")) {
					assertThat(r.statusCode()).as(name).isEqualTo(200);
					assertThat(json(r).get("outcome").asString()).as(name).isEqualTo(expected.get("outcome").asString());
					if (expected.has("items")) {
						assertThat(json(r).get("items").toString()).as(name).isEqualTo(expected.get("items").toString());
					}
				}
				else {
					assertThat(r.statusCode()).as(name).isEqualTo(422);
					assertThat(json(r).get("errors").get(0).get("pointer").asString()).as(name).startsWith("/");
				}
			}
		}
	}

	@Test
	void malformedJsonIs400WithItsLineAndColumn() {
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, "{\"schema\": \"outbound/scenario/v1\",\n \"date\": ");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode p = json(r);
		assertThat(p.get("type").asString()).isEqualTo("urn:outbound:problem:malformed-json");
		assertThat(p.get("status").asInt()).isEqualTo(400);
		assertThat(p.get("errors").get(0).get("line").asInt()).isEqualTo(2);
		assertThat(r.body()).doesNotContain("at cn.").doesNotContain("Exception");
	}

	@Test
	void aDocumentThatBreaksTheSpecIs422NamingEveryPointer() {
		String body = bankScenario().replace("\"affectedCustomers\": 1200000", "\"affectedCustomer\": 1200000")
			.replace("\"individuals\": 150000", "\"individuals\": -5");
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, body);
		assertThat(r.statusCode()).isEqualTo(422);
		JsonNode p = json(r);
		assertThat(p.get("type").asString()).isEqualTo("urn:outbound:problem:invalid-scenario");
		Set<String> pointers = new TreeSet<>();
		p.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
		assertThat(pointers).contains("/data/0/facts/affectedCustomer", "/personalInformation/0/individuals");
		assertThat(p.get("errors").get(0).get("line").asInt()).isPositive();
	}

	@Test
	void problemsCarryTheirCodeAndFollowAcceptLanguage() {
		String body = bankScenario().replace("\"individuals\": 150000", "\"individuals\": -5");
		HttpResponse<String> en = post("/api/v1/decisions", Role.ANALYST, body);
		assertThat(en.statusCode()).isEqualTo(422);
		JsonNode error = json(en).get("errors").get(0);
		assertThat(error.get("pointer").asString()).isEqualTo("/personalInformation/0/individuals");
		assertThat(error.get("code").asString()).isEqualTo("below-minimum");
		assertThat(error.get("message").asString())
			.isEqualTo("'individuals' must be a whole number from 0 to 1000000000000, not -5");

		HttpResponse<String> zh = post("/api/v1/decisions", Role.ANALYST, body, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
		assertThat(zh.statusCode()).isEqualTo(422);
		assertThat(zh.headers().firstValue("Content-Language")).hasValue("zh");
		JsonNode zhError = json(zh).get("errors").get(0);
		assertThat(zhError.get("code").asString()).isEqualTo("below-minimum");
		assertThat(zhError.get("message").asString()).isEqualTo("“individuals”应为 0 至 1000000000000 之间的整数；-5 小于 0");
		assertThat(json(zh).get("type").asString()).isEqualTo("urn:outbound:problem:invalid-scenario");

		HttpResponse<String> preferEnglish = post("/api/v1/decisions", Role.ANALYST, body, "Accept-Language",
				"en-GB, zh;q=0.5");
		assertThat(json(preferEnglish).get("errors").get(0).get("message").asString()).startsWith("'individuals' must be");
		HttpResponse<String> other = post("/api/v1/decisions", Role.ANALYST, body, "Accept-Language", "fr-FR");
		assertThat(json(other).get("errors").get(0).get("message").asString()).startsWith("'individuals' must be");

		HttpResponse<String> malformed = post("/api/v1/decisions", Role.ANALYST, "{\"schema\": ", "Accept-Language", "zh");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed).get("errors").get(0).get("code").asString()).isEqualTo("malformed-document");
		assertThat(json(malformed).get("errors").get(0).get("message").asString()).startsWith("文档格式有误");
	}

	@Test
	void aBodyOverOneMegabyteIs413() {
		String big = "{\"pad\": \"" + "x".repeat(1_100_000) + "\"}";
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, big);
		assertThat(r.statusCode()).isEqualTo(413);
		assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:payload-too-large");
	}

	@Test
	void aChunkedBodyOverOneMegabyteIs413() {
		byte[] big = ("{\"pad\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/decisions")))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
			.build();
		assertThat(send(request).statusCode()).isEqualTo(413);
	}

	@Test
	void anotherContentTypeIs415() {
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, "a,b", "Content-Type", "text/csv");
		assertThat(r.statusCode()).isEqualTo(415);
		assertThat(json(r).get("status").asInt()).isEqualTo(415);
	}

	@Test
	void aMissingOrWrongTokenIs401() {
		HttpResponse<String> none = post("/api/v1/decisions", null, bankScenario());
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(json(none).get("type").asString()).isEqualTo("urn:outbound:problem:unauthorized");
		HttpResponse<String> wrong = post("/api/v1/decisions", null, bankScenario(), "Authorization", "Bearer obt_nope");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		HttpResponse<String> basic = post("/api/v1/decisions", null, bankScenario(), "Authorization", "Basic YTpi");
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments"))).GET().build()).statusCode())
			.isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs"))).GET().build()).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aSessionWriteWithoutItsCsrfTokenIs403AndSaysSo() {
		HttpClient browser = signIn(Role.ANALYST);
		HttpResponse<String> r = sendWith(browser, HttpRequest.newBuilder(URI.create(url("/api/v1/decisions")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(bankScenario(), StandardCharsets.UTF_8))
			.build());
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(r.statusCode()).isEqualTo(403);
		assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:csrf-token-missing");
		assertThat(json(r).get("detail").asString()).contains("CSRF");
	}

	@Test
	void aRoleThatMayNotIs403() {
		HttpResponse<String> r = post("/api/v1/decisions", Role.VIEWER, bankScenario());
		assertThat(r.statusCode()).isEqualTo(403);
		assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:forbidden");
		assertThat(post("/api/v1/assessments", Role.VIEWER, bankScenario()).statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/users", Role.ANALYST).statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/audit", Role.ANALYST).statusCode()).isEqualTo(403);
		assertThat(post("/api/v1/users", Role.ANALYST, "{\"username\": \"x\"}").statusCode()).isEqualTo(403);
	}

	@Test // #3
	void storesAnAssessmentWithWhoWhenAndTheEdition() {
		HttpResponse<String> r = post("/api/v1/assessments?title=Q1%20loans", Role.ANALYST, bankScenario());
		assertThat(r.statusCode()).isEqualTo(201);
		JsonNode a = json(r);
		long id = a.get("id").asLong();
		assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/assessments/" + id);
		assertThat(a.get("createdBy").asString()).isEqualTo("analyst");
		assertThat(a.get("title").asString()).isEqualTo("Q1 loans");
		assertThat(a.get("outcome").asString()).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(a.get("rulePack").get("edition").asString()).isEqualTo("2024");
		assertThat(a.get("rulePack").get("contentHash").asString()).startsWith("sha256:");
		assertThat(a.get("scenario").get("processor").get("id").asString()).isEqualTo("bank-tj");
		assertThat(a.get("decision").get("items").toString()).isEqualTo("[20,46]");

		HttpResponse<String> one = get("/api/v1/assessments/" + id, Role.VIEWER);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(json(one).get("decision")).isEqualTo(a.get("decision"));
		assertThat(json(one).get("createdAt").asString()).isEqualTo(a.get("createdAt").asString());
	}

	@Test
	void acceptsAnEnvelopeWithATitleAndPointsIntoIt() {
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST,
				"{\"title\": \"envelope\", \"scenario\": " + bankScenario() + "}");
		assertThat(r.statusCode()).isEqualTo(201);
		assertThat(json(r).get("title").asString()).isEqualTo("envelope");
		HttpResponse<String> bad = post("/api/v1/assessments", Role.ANALYST,
				"{\"scenario\": " + bankScenario().replace("\"ciio\": false", "\"ciio\": \"no\"") + "}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(json(bad).get("errors").get(0).get("pointer").asString()).isEqualTo("/scenario/processor/ciio");
	}

	@Test // #3
	void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstResult() {
		HttpResponse<String> first = post("/api/v1/assessments", Role.ANALYST, bankScenario(), "Idempotency-Key", "idem-1");
		HttpResponse<String> again = post("/api/v1/assessments", Role.ANALYST, bankScenario(), "Idempotency-Key", "idem-1");
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json(again).get("id").asLong()).isEqualTo(json(first).get("id").asLong());
		HttpResponse<String> other = post("/api/v1/assessments", Role.ANALYST, example("pi-below-100k"),
				"Idempotency-Key", "idem-1");
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(json(other).get("type").asString()).isEqualTo("urn:outbound:problem:idempotency-key-reused");
	}

	@Test
	void concurrentPostsWithOneIdempotencyKeyStoreOneAssessment() throws Exception {
		List<Thread> threads = new ArrayList<>();
		List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 6; i++) {
			Thread t = new Thread(() -> ids.add(json(post("/api/v1/assessments", Role.ANALYST, bankScenario(),
					"Idempotency-Key", "idem-race")).get("id").asLong()));
			threads.add(t);
			t.start();
		}
		for (Thread t : threads) {
			t.join();
		}
		assertThat(new TreeSet<>(ids)).hasSize(1);
	}

	@Test
	void listsAssessmentsWithPagingAndFilters() {
		post("/api/v1/assessments", Role.ANALYST, example("pi-below-100k"));
		post("/api/v1/assessments", Role.ANALYST, bankScenario());
		JsonNode all = json(get("/api/v1/assessments?size=1", Role.VIEWER));
		assertThat(all.get("items")).hasSize(1);
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(all.get("size").asInt()).isEqualTo(1);
		JsonNode page2 = json(get("/api/v1/assessments?size=1&page=1", Role.VIEWER));
		assertThat(page2.get("items").get(0).get("id").asLong()).isLessThan(all.get("items").get(0).get("id").asLong());
		JsonNode exempt = json(get("/api/v1/assessments?outcome=EXEMPT", Role.VIEWER));
		exempt.get("items").forEach(i -> assertThat(i.get("outcome").asString()).isEqualTo("EXEMPT"));
		assertThat(exempt.get("total").asLong()).isPositive();
		JsonNode bank = json(get("/api/v1/assessments?processor=bank-tj", Role.VIEWER));
		bank.get("items").forEach(i -> assertThat(i.get("processor").get("id").asString()).isEqualTo("bank-tj"));
		JsonNode byName = json(get("/api/v1/assessments?processor=" + java.net.URLEncoder.encode("示例银行", StandardCharsets.UTF_8), Role.VIEWER));
		// the web tests store the same bank by name only, so the name finds at least what the id finds
		assertThat(byName.get("total").asLong()).isGreaterThanOrEqualTo(bank.get("total").asLong()).isPositive();
		byName.get("items").forEach(i -> assertThat(i.get("processor").get("name").asString()).contains("示例银行"));
		String today = java.time.LocalDate.now().toString();
		long total = json(get("/api/v1/assessments", Role.VIEWER)).get("total").asLong();
		assertThat(json(get("/api/v1/assessments?from=" + today + "&to=" + today, Role.VIEWER)).get("total").asLong())
			.isEqualTo(total);
		assertThat(json(get("/api/v1/assessments?to=2000-01-01", Role.VIEWER)).get("total").asLong()).isZero();
	}

	@Test
	void badQueryParametersAre400NamingTheParameter() {
		for (String q : List.of("outcome=MAYBE", "from=yesterday", "size=0", "size=500", "page=-1", "page=x",
				"from=2026-02-01&to=2026-01-01")) {
			HttpResponse<String> r = get("/api/v1/assessments?" + q, Role.VIEWER);
			assertThat(r.statusCode()).as(q).isEqualTo(400);
			assertThat(json(r).get("errors").get(0).get("parameter").asString()).as(q).isNotBlank();
		}
	}

	@Test
	void anUnknownAssessmentIs404() {
		HttpResponse<String> r = get("/api/v1/assessments/999999", Role.VIEWER);
		assertThat(r.statusCode()).isEqualTo(404);
		assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:not-found");
		assertThat(get("/api/v1/assessments/abc", Role.VIEWER).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/nothing-here", Role.VIEWER).statusCode()).isEqualTo(404);
	}

	@Test
	void anUnsupportedMethodIs405() {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/decisions")))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.PUT(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		assertThat(r.statusCode()).isEqualTo(405);
		assertThat(json(r).get("status").asInt()).isEqualTo(405);
	}

	@Test
	void servesTheRulePacksTheirEditionsAndItems() {
		JsonNode packs = json(get("/api/v1/rule-packs", Role.VIEWER));
		List<String> keys = new ArrayList<>();
		packs.forEach(p -> keys.add(p.get("id").asString() + "@" + p.get("edition").asString()));
		assertThat(keys).contains("tianjin-ftz@2024", "cn-national@2024");
		JsonNode pack = json(get("/api/v1/rule-packs/tianjin-ftz/2024", Role.VIEWER));
		assertThat(pack.get("items")).hasSize(46);
		assertThat(pack.get("categories")).hasSize(13);
		JsonNode item = json(get("/api/v1/rule-packs/tianjin-ftz/2024/items/20", Role.VIEWER));
		assertThat(item.get("number").asInt()).isEqualTo(20);
		assertThat(item.get("facts").toString()).contains("affectedCustomers");
		assertThat(item.get("triggerWhen").toString()).contains("atLeast").contains("1000000");
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/1999", Role.VIEWER).statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/2024/items/47", Role.VIEWER).statusCode()).isEqualTo(404);
	}

	@Test
	void anAdminManagesUsersAndTokens() {
		HttpResponse<String> created = post("/api/v1/users", Role.ADMIN, "{\"username\": \"auditor1\", \"role\": \"VIEWER\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String token = json(created).get("token").asString();
		assertThat(token).startsWith("obt_");
		assertThat(json(created).get("password").asString()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(post("/api/v1/users", Role.ADMIN, "{\"username\": \"auditor1\"}").statusCode()).isEqualTo(409);
		assertThat(post("/api/v1/users", Role.ADMIN, "{\"username\": \"x y\"}").statusCode()).isEqualTo(422);
		assertThat(post("/api/v1/users", Role.ADMIN, "{\"username\": \"z\", \"role\": \"BOSS\"}").statusCode()).isEqualTo(422);
		assertThat(post("/api/v1/users", Role.ADMIN, "{\"username\": ").statusCode()).isEqualTo(400);
		HttpResponse<String> list = get("/api/v1/users", Role.ADMIN);
		assertThat(list.body()).contains("auditor1").doesNotContain("password_hash").doesNotContain("$2a$");

		HttpResponse<String> mine = send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments")))
			.header("Authorization", "Bearer " + token).GET().build());
		assertThat(mine.statusCode()).isEqualTo(200);

		HttpResponse<String> promoted = send(HttpRequest.newBuilder(URI.create(url("/api/v1/users/auditor1")))
			.header("Authorization", "Bearer " + token(Role.ADMIN))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\": \"ANALYST\"}"))
			.build());
		assertThat(json(promoted).get("role").asString()).isEqualTo("ANALYST");
		assertThat(post("/api/v1/decisions", null, bankScenario(), "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(200);

		HttpResponse<String> second = post("/api/v1/users/auditor1/tokens", Role.ADMIN, "");
		assertThat(second.statusCode()).isEqualTo(201);
		HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(url("/api/v1/users/auditor1/tokens")))
			.header("Authorization", "Bearer " + token(Role.ADMIN)).DELETE().build());
		assertThat(json(revoked).get("revoked").asInt()).isEqualTo(2);
		assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments")))
			.header("Authorization", "Bearer " + token).GET().build()).statusCode()).isEqualTo(401);
		assertThat(post("/api/v1/users/nobody/tokens", Role.ADMIN, "").statusCode()).isEqualTo(404);
	}

	@Test // #3
	void everyChangeIsInTheAuditLogAndTheChainHolds() {
		long id = json(post("/api/v1/assessments", Role.ANALYST, bankScenario())).get("id").asLong();
		JsonNode log = json(get("/api/v1/audit?action=ASSESSMENT_CREATED&size=500", Role.ADMIN));
		List<String> targets = new ArrayList<>();
		log.get("items").forEach(e -> targets.add(e.get("target").asString()));
		assertThat(targets).contains("assessment:" + id);
		JsonNode entry = log.get("items").get(0);
		assertThat(entry.get("actor").asString()).isEqualTo("analyst");
		assertThat(entry.get("remote").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.get("at").asString()).isNotBlank();
		JsonNode verify = json(get("/api/v1/audit/verify", Role.ADMIN));
		assertThat(verify.get("intact").asBoolean()).isTrue();
		assertThat(verify.get("entries").asLong()).isPositive();
		assertThat(get("/api/v1/audit?size=0", Role.ADMIN).statusCode()).isEqualTo(400);
	}

	@Test
	void theOpenApiDocumentTheDocsPageAndHealthArePublic() {
		HttpResponse<String> doc = get("/api/openapi.json", null);
		assertThat(doc.statusCode()).isEqualTo(200);
		JsonNode api = json(doc);
		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").has("/api/v1/decisions")).isTrue();
		HttpResponse<String> page = get("/api/docs", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/webjars/swagger-ui/swagger-ui-bundle.js").doesNotContain("http://").doesNotContain("https://");
		assertThat(get("/webjars/swagger-ui/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
		assertThat(get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
		assertThat(json(get("/health", null)).get("status").asString()).isEqualTo("UP");
		assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenRequestsCreateNoSession() {
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, bankScenario());
		assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test // #3: a slow or half-sent request cannot hold a worker forever
	void aHalfSentBodyIsCutOff() throws Exception {
		long start = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/decisions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token(Role.ANALYST)
					+ "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"schema\":").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			StringBuilder answer = new StringBuilder();
			int n;
			while ((n = in.read(buffer)) > 0) {
				answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			}
			assertThat(answer.toString()).startsWith("HTTP/1.1 408");
		}
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
	}

	@Test // #3: form posts (the sign-in page) too: the security filters never wait on a trickled form body
	void aTrickledSignInFormIsCutOffAtTheDeadline() throws Exception {
		assertTrickledBodyIsCutOff("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: 100000\r\n\r\nusername=", 'a');
	}

	@Test // #3
	void aTrickledBodyIsCutOffAtTheDeadline() throws Exception {
		assertTrickledBodyIsCutOff("POST /api/v1/decisions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ token(Role.ANALYST) + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", ' ');
	}

	/** Sends the head, then one byte every 250 ms: the server answers 408 at its 2 s body deadline, not later. */
	private void assertTrickledBodyIsCutOff(String head, char filler) throws Exception {
		long start = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			String answer = "";
			for (int i = 0; i < 40; i++) {
				try {
					out.write(new byte[] { (byte) filler });
					out.flush();
				}
				catch (java.io.IOException closed) {
					break;
				}
				Thread.sleep(250);
				if (socket.getInputStream().available() > 0) {
					byte[] b = new byte[4096];
					answer = new String(b, 0, socket.getInputStream().read(b), StandardCharsets.UTF_8);
					break;
				}
			}
			assertThat(answer).startsWith("HTTP/1.1 408");
		}
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(9_000);
	}

	private static HttpResponse<String> sendWith(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
