package cn.outbound.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9, items 1, 6 and 8, over real HTTP: a change of a user's power ends their open sessions and tokens at once,
 * anonymous requests get no session, sign-in is throttled and its failures audited within bounds, user names are one
 * spelling, and every response carries the security headers.
 */
class SessionSecurityIntegrationTests extends ServerTests {

	@Autowired
	AuditLog audit;

	private String newUser(String prefix, Role role) throws SQLException {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.add(name, role, PASSWORD, "tests", "127.0.0.1");
		return name;
	}

	/** A client signed in as {@code name}, from its own address so that throttling of others never touches it. */
	private HttpClient session(String name) {
		HttpClient client = browser();
		HttpResponse<String> r = signInAs(client, name, PASSWORD);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).doesNotContain("error").doesNotContain("locked");
		return client;
	}

	private HttpResponse<String> createUserThroughSession(HttpClient client, String csrf, String name) {
		return sendWith(client, HttpRequest.newBuilder(URI.create(url("/api/v1/users")))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"role\":\"ADMIN\"}"))
			.build());
	}

	private static HttpResponse<String> sendWith(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test // #9
	void aDisabledDemotedAdminsOpenSessionLosesItsPowerAtOnce() throws SQLException {
		String eve = newUser("eve", Role.ADMIN);
		HttpClient session = session(eve);
		String csrf = csrf(browserGet(session, "/admin/users").body());
		HttpResponse<String> before = createUserThroughSession(session, csrf, "made-before-" + eve);
		assertThat(before.statusCode()).as(before.body()).isEqualTo(201);

		// another admin, through the API: disable, demote, revoke
		String patch = "{\"enabled\": false, \"role\": \"VIEWER\"}";
		HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(url("/api/v1/users/" + eve)))
			.header("Authorization", "Bearer " + token(Role.ADMIN))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
			.build());
		assertThat(changed.statusCode()).isEqualTo(200);
		send(HttpRequest.newBuilder(URI.create(url("/api/v1/users/" + eve + "/tokens")))
			.header("Authorization", "Bearer " + token(Role.ADMIN))
			.DELETE()
			.build());

		HttpResponse<String> after = createUserThroughSession(session, csrf, "made-after-" + eve);
		assertThat(after.statusCode()).isIn(401, 403);
		assertThat(this.users.find("made-after-" + eve)).isEmpty();
		assertThat(browserGet(session, "/admin/users").statusCode()).isEqualTo(302);
		assertThat(browserGet(browser(), "/login?ended").body()).contains("id=\"login-ended\"");
	}

	@Test // #9
	void aPageOfADisabledUsersSessionSaysTheSessionEnded() throws SQLException {
		String dan = newUser("dan", Role.VIEWER);
		HttpClient session = session(dan);
		assertThat(browserGet(session, "/assessments").statusCode()).isEqualTo(200);
		this.users.setEnabled(dan, false, "cli@host", null);
		HttpResponse<String> page = browserGet(session, "/assessments");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(location(page)).isEqualTo("/login?ended");
	}

	@Test // #9
	void aRoleChangeMadeOutsideTheServerEndsTheSessionOnItsNextRequest() throws SQLException {
		String ann = newUser("ann", Role.ANALYST);
		HttpClient session = session(ann);
		assertThat(browserGet(session, "/assess").statusCode()).isEqualTo(200);
		// as the CLI does: straight to the database, in no request of this server
		this.users.setRole(ann, Role.VIEWER, "cli@host", null);
		HttpResponse<String> r = browserGet(session, "/assess");
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).isEqualTo("/login?ended");
		// signing in again gives the new role
		HttpClient again = session(ann);
		assertThat(browserGet(again, "/assess").statusCode()).isEqualTo(403);
		assertThat(browserGet(again, "/assessments").statusCode()).isEqualTo(200);
	}

	@Test // #9
	void aTokenRevokedOrDemotedOutsideTheServerFailsOnTheNextRequest() throws SQLException {
		String bot = newUser("bot", Role.ANALYST);
		String token = this.users.issueToken(bot, "pipeline", "tests", null);
		HttpResponse<String> ok = post("/api/v1/decisions", null, example("pi-over-1m"), "Authorization",
				"Bearer " + token);
		assertThat(ok.statusCode()).isEqualTo(200);
		this.users.setRole(bot, Role.VIEWER, "cli@host", null);
		assertThat(post("/api/v1/decisions", null, example("pi-over-1m"), "Authorization", "Bearer " + token)
			.statusCode()).isEqualTo(403);
		this.users.revokeTokens(bot, "cli@host", null);
		assertThat(get("/api/v1/assessments", null, token).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, Role role, String token) {
		return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build());
	}

	@Test // #9
	void anonymousRequestsGetNoSession() {
		for (String path : List.of("/health", "/", "/list", "/login", "/api/health", "/api/v1/assessments", "/assess",
				"/api/docs", "/no-such-page")) {
			HttpResponse<String> r = browserGet(browser(), path);
			assertThat(r.headers().allValues("Set-Cookie")).as(path)
				.noneMatch(c -> c.startsWith("JSESSIONID"));
		}
	}

	@Test // #9
	void signInIsRefusedAfterFiveFailuresOfAnAccountEvenWithTheRightPassword() throws SQLException {
		String name = newUser("locked", Role.VIEWER);
		String[] from = { "X-Forwarded-For", "198.51.100.21" };
		for (int i = 0; i < 5; i++) {
			assertThat(location(signInAs(browser(), name, "wrong-password-" + i, from))).isEqualTo("/login?error");
		}
		HttpResponse<String> r = signInAs(browser(), name, PASSWORD, "X-Forwarded-For", "198.51.100.22");
		assertThat(location(r)).isEqualTo("/login?locked");
		assertThat(browserGet(browser(), "/login?locked").body()).contains("id=\"login-locked\"");
		// another account from the first address is not locked by these five
		String other = newUser("free", Role.VIEWER);
		assertThat(location(signInAs(browser(), other, PASSWORD, from))).isEqualTo("/assessments");
	}

	@Test // #9
	void oneAddressIsThrottledAndItsFailuresAuditedWithinBounds() throws SQLException {
		String[] from = { "X-Forwarded-For", "203.0.113.9" };
		long before = this.audit.count("LOGIN_FAILED");
		for (int i = 0; i < 30; i++) {
			signInAs(browser(), "<script>nobody" + i + "\u200b", "wrong-password", from);
		}
		long written = this.audit.count("LOGIN_FAILED") - before;
		assertThat(written).isBetween(1L, 20L);
		assertThat(this.audit.page(0, 50, "LOGIN_FAILED")).allSatisfy(e -> assertThat(e.actor())
			.doesNotContain("<script>").doesNotContain("nobody"));
		String name = newUser("victim", Role.VIEWER);
		assertThat(location(signInAs(browser(), name, PASSWORD, from))).isEqualTo("/login?locked");
	}

	@Test // #9
	void userNamesAreOneSpellingWhateverTheCaseOrWidth() throws SQLException {
		String name = "CaseUser" + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> created = post("/api/v1/users", Role.ADMIN,
				"{\"username\":\"" + name + "\",\"role\":\"VIEWER\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("username").asString()).isEqualTo(name.toLowerCase());
		HttpResponse<String> twice = post("/api/v1/users", Role.ADMIN,
				"{\"username\":\"" + name.toLowerCase() + "\",\"role\":\"ADMIN\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(location(signInAs(browser(), name.toUpperCase(), PASSWORD))).isEqualTo("/assessments");
		HttpResponse<String> invisible = post("/api/v1/users", Role.ADMIN,
				"{\"username\":\"ad\\u200bmin\",\"role\":\"ADMIN\"}");
		assertThat(invisible.statusCode()).isEqualTo(422);
		assertThat(invisible.body()).contains("user name").contains("U+200B").contains("invisible");
	}

	@Test // #9
	void everyResponseCarriesTheSecurityHeaders() {
		for (HttpResponse<String> r : List.of(browserGet(browser(), "/"), browserGet(browser(), "/api/docs"),
				get("/api/v1/rule-packs", Role.VIEWER), get("/api/v1/assessments/999999", Role.VIEWER),
				browserGet(browser(), "/api/v1/assessments"), browserGet(browser(), "/list/nope"))) {
			assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
				.hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
			assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri().toString()).contains("no-referrer");
			assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri().toString()).contains("nosniff");
		}
	}

	@Test // #9
	void theSessionCookieIsSecureBehindATlsProxy() throws SQLException {
		String name = newUser("tls", Role.VIEWER);
		HttpResponse<String> plain = signInAs(browser(), name, PASSWORD);
		assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
			.singleElement()
			.satisfies(c -> assertThat(c).doesNotContain("Secure").contains("HttpOnly"));
		// (the sign-in page over plain HTTP, so that this client, which keeps Secure cookies for HTTPS, sends the CSRF
		// cookie back; a browser behind the proxy speaks HTTPS throughout)
		HttpClient client = browser();
		String csrf = csrf(browserGet(client, "/login").body());
		HttpResponse<String> proxied = sendWith(client, HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-Proto", "https")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + PASSWORD + "&_csrf="
					+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build());
		assertThat(proxied.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
			.singleElement()
			.satisfies(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
	}

}
