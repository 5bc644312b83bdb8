package cn.outbound.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13, item 6: two instances of the real server ({@code OutboundApplication} in processes of their own, as
 * {@code ./outbound serve} runs it) on one PostgreSQL database, as behind a load balancer without sticky sessions. A
 * session begun on one is valid on the other, a revocation or role change made through one holds on the other at
 * once, an idempotent write sent to both is stored once, a rule-pack edition published on one is in force on the
 * other, sign-in throttling counts the failures made on both, the
 * audit chain does not fork under writers on both, and killing one (SIGKILL) loses no write it acknowledged.
 * <p>
 * Runs when {@code OUTBOUND_TEST_POSTGRES_URL} ({@code -Doutbound.test.postgres.url}) names a database (CI sets it); its
 * tables go to a schema of their own, made anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIntegrationTests {

	static final String SCHEMA = "outbound_multi_instance_test";

	private static final String PASSWORD = ServerTests.PASSWORD;

	private static final String LEDGER_KEY = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private String url;

	private Path dir;

	private Instance a;

	private Instance b;

	private String adminToken;

	private record Instance(String name, int port, Process process, Path log) {

		String url(String path) {
			return "http://127.0.0.1:" + this.port + path;
		}

	}

	@BeforeAll
	void startTwoInstances() throws Exception {
		String base = System.getProperty("outbound.test.postgres.url");
		Assumptions.assumeTrue(base != null && !base.isBlank(), "MultiInstanceIntegrationTests need PostgreSQL: set"
				+ " OUTBOUND_TEST_POSTGRES_URL (or -Doutbound.test.postgres.url), as CI does");
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		this.url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
		this.dir = Files.createTempDirectory("outbound-multi-instance");
		try (HikariDataSource ds = settings().openMigrated(2); Writes writes = new Writes(ds)) {
			this.adminToken = new Users(ds, writes).add("multi-admin", Role.ADMIN, PASSWORD, "tests", null).token();
		}
		Process first = start("a");
		Process second = start("b");
		this.a = awaitHealthy("a", first);
		this.b = awaitHealthy("b", second);
	}

	@AfterAll
	void stop() throws InterruptedException {
		for (Instance i : new Instance[] { this.a, this.b }) {
			if (i != null && i.process().isAlive()) {
				i.process().destroy();
				i.process().waitFor();
			}
		}
	}

	@Test
	@Order(1)
	void aSessionBegunOnOneInstanceIsValidOnTheOtherAndEndsOnBothAtOnce() throws Exception {
		String name = user("sess", Role.ADMIN);
		HttpClient client = browser();
		HttpResponse<String> signIn = signInAs(client, this.a, name, PASSWORD);
		assertThat(location(signIn)).isEqualTo("/assessments");
		// the same cookie (a load balancer sends the next request anywhere): signed in on B
		HttpResponse<String> onB = get(client, this.b, "/assessments");
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(get(client, this.b, "/admin/users").statusCode()).isEqualTo(200);
		// the role lowered through B's API: the session, next used on A, has lost the admin pages at once
		assertThat(patch(this.b, "/api/v1/users/" + name, "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> onA = get(client, this.a, "/admin/users");
		assertThat(onA.statusCode()).isEqualTo(302);
		assertThat(location(onA)).startsWith("/login");
		// an anonymous visitor is no better off on either instance
		assertThat(get(browser(), this.a, "/assessments").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(2)
	void aTokenRevokedOnOneInstanceIsRefusedOnTheOtherAtOnce() throws Exception {
		String name = user("tok", Role.ANALYST);
		String token = issueToken(this.a, name);
		// used on both, so that both have looked it up (and B remembers the lookup)
		assertThat(api(this.a, "GET", "/api/v1/assessments", token, null, null).statusCode()).isEqualTo(200);
		assertThat(api(this.b, "GET", "/api/v1/assessments", token, null, null).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = api(this.a, "DELETE", "/api/v1/users/" + name + "/tokens", this.adminToken, null,
				null);
		assertThat(revoked.statusCode()).isBetween(200, 204);
		assertThat(api(this.b, "GET", "/api/v1/assessments", token, null, null).statusCode()).isEqualTo(401);
		assertThat(api(this.a, "GET", "/api/v1/assessments", token, null, null).statusCode()).isEqualTo(401);
		// a role change likewise: an analyst's new token demoted on B can no longer write on A
		String fresh = issueToken(this.b, name);
		assertThat(api(this.a, "POST", "/api/v1/assessments", fresh, ServerTests.bankScenario(), null).statusCode())
			.isEqualTo(201);
		assertThat(patch(this.b, "/api/v1/users/" + name, "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(200);
		assertThat(api(this.a, "POST", "/api/v1/assessments", fresh, ServerTests.bankScenario(), null).statusCode())
			.isEqualTo(403);
		assertThat(api(this.a, "GET", "/api/v1/assessments", fresh, null, null).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void anIdempotentWriteSentToBothInstancesIsStoredOnce() throws Exception {
		String token = issueToken(this.a, user("idem", Role.ANALYST));
		String key = "multi-" + UUID.randomUUID();
		HttpResponse<String> first = api(this.a, "POST", "/api/v1/assessments", token, ServerTests.bankScenario(), key);
		HttpResponse<String> again = api(this.b, "POST", "/api/v1/assessments", token, ServerTests.bankScenario(), key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(id(again)).isEqualTo(id(first));
		assertThat(location(first)).isEqualTo("/api/v1/assessments/" + id(first));
		// the same key sent to both at the same moment, many times over: one assessment
		String raced = "race-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> sent = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Instance to = (i % 2 == 0) ? this.a : this.b;
			sent.add(pool.submit(() -> {
				go.await();
				return api(to, "POST", "/api/v1/assessments", token, ServerTests.bankScenario(), raced);
			}));
		}
		go.countDown();
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		int created = 0;
		for (Future<HttpResponse<String>> f : sent) {
			HttpResponse<String> r = f.get();
			assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
			created += (r.statusCode() == 201) ? 1 : 0;
			ids.add(id(r));
		}
		pool.shutdown();
		assertThat(created).isEqualTo(1);
		assertThat(ids).hasSize(1);
		assertThat(count("select count(*) from idempotency_key where idem_key = ?", raced)).isEqualTo(1);
	}

	@Test
	@Order(4)
	void anEditionPublishedOnOneInstanceIsInForceOnTheOtherAtOnce() throws Exception {
		String yaml;
		try (var in = MultiInstanceIntegrationTests.class.getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("edition: \"2025-test\"",
					"edition: \"2025-multi\"");
		}
		String path = "/api/v1/rule-packs/tianjin-ftz/2025-multi";
		assertThat(api(this.b, "GET", path, this.adminToken, null, null).statusCode()).isEqualTo(404);
		HttpResponse<String> published = this.http.send(HttpRequest.newBuilder(URI.create(this.a.url(
				"/api/v1/rule-packs?fileName=tianjin-ftz-2025-multi.yaml")))
			.header("Authorization", "Bearer " + this.adminToken)
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		assertThat(api(this.b, "GET", path, this.adminToken, null, null).statusCode()).isEqualTo(200);
		// and withdrawn on B: gone from A at once
		assertThat(api(this.b, "DELETE", path, this.adminToken, null, null).statusCode()).isEqualTo(204);
		assertThat(api(this.a, "GET", path, this.adminToken, null, null).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(5)
	void signInThrottlingCountsTheFailuresMadeOnBothInstances() throws Exception {
		String below = user("below", Role.VIEWER);
		String over = user("over", Role.VIEWER);
		// the limit is 5 failures of an account: 4, alternating between the instances, still let the right password in
		for (int i = 0; i < 4; i++) {
			Instance to = (i % 2 == 0) ? this.a : this.b;
			assertThat(location(signInAs(browser(), to, below, "wrong-" + i, "X-Forwarded-For", "198.51.100.40")))
				.isEqualTo("/login?error");
		}
		assertThat(location(signInAs(browser(), this.b, below, PASSWORD, "X-Forwarded-For", "198.51.100.41")))
			.isEqualTo("/assessments");
		// 5 (3 on A, 2 on B) lock the account on both, whatever the address, even with the right password
		for (int i = 0; i < 5; i++) {
			Instance to = (i % 2 == 0) ? this.a : this.b;
			assertThat(location(signInAs(browser(), to, over, "wrong-" + i, "X-Forwarded-For", "198.51.100.50")))
				.isEqualTo("/login?error");
		}
		assertThat(location(signInAs(browser(), this.b, over, PASSWORD, "X-Forwarded-For", "198.51.100.51")))
			.isEqualTo("/login?locked");
		assertThat(location(signInAs(browser(), this.a, over, PASSWORD, "X-Forwarded-For", "198.51.100.52")))
			.isEqualTo("/login?locked");
	}

	@Test
	@Order(6)
	void theAuditChainDoesNotForkUnderWritersOnBothInstances() throws Exception {
		// two more writers in this process, each on a pool of its own, besides the two servers' traffic
		String token = issueToken(this.a, user("chain", Role.ANALYST));
		try (HikariDataSource one = settings().open(4); HikariDataSource two = settings().open(4);
				Writes w1 = new Writes(one); Writes w2 = new Writes(two)) {
			long before = new AuditLog(one).verify().entries();
			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Writes w = (i % 2 == 0) ? w1 : w2;
				int n = i;
				work.add(pool.submit(() -> {
					for (int k = 0; k < 50; k++) {
						String details = "k=" + k;
						w.submit((c, audit) -> {
							audit.append("tests", "TEST_APPEND", "writer:" + n, null, details);
							return null;
						});
					}
					return null;
				}));
				Instance to = (i % 2 == 0) ? this.a : this.b;
				work.add(pool.submit(() -> {
					for (int k = 0; k < 20; k++) {
						assertThat(api(to, "POST", "/api/v1/assessments", token, ServerTests.bankScenario(), null)
							.statusCode()).isEqualTo(201);
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
			pool.shutdown();
			AuditLog.Verification v = new AuditLog(one).verify();
			assertThat(v.intact()).as(v.problems().toString()).isTrue();
			assertThat(v.entries()).isGreaterThanOrEqualTo(before + 4 * 50 + 4 * 20);
			assertThat(count("select count(*) from audit_event where action = ?", "TEST_APPEND")).isEqualTo(200);
		}
	}

	@Test
	@Order(7)
	void killingOneInstanceLosesNoWriteItAcknowledged() throws Exception {
		String token = issueToken(this.a, user("kill", Role.ANALYST));
		HttpClient client = browser();
		assertThat(location(signInAs(client, this.a, user("survivor", Role.VIEWER), PASSWORD)))
			.isEqualTo("/assessments");
		Set<Long> byA = ConcurrentHashMap.newKeySet();
		Set<Long> byB = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Instance to = (i % 2 == 0) ? this.a : this.b;
			Set<Long> acknowledged = (i % 2 == 0) ? byA : byB;
			Thread t = new Thread(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(to.url("/api/v1/assessments")))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.timeout(Duration.ofSeconds(10))
							.POST(HttpRequest.BodyPublishers.ofString(ServerTests.bankScenario(), StandardCharsets.UTF_8))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 201) {
							String loc = r.headers().firstValue("Location").orElseThrow();
							acknowledged.add(Long.parseLong(loc.substring(loc.lastIndexOf('/') + 1)));
						}
					}
					catch (IOException | InterruptedException ex) {
						if (to == this.a) {
							return; // A is gone
						}
					}
				}
			});
			t.start();
			clients.add(t);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (byA.size() < 100 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		this.a.process().destroyForcibly(); // SIGKILL, mid-write: A's clients are still posting
		this.a.process().waitFor();
		int bBefore = byB.size();
		while (byB.size() < bBefore + 20 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		running.set(false);
		for (Thread t : clients) {
			t.join(15_000);
		}
		assertThat(byA).hasSizeGreaterThanOrEqualTo(100);
		assertThat(byB.size()).as("B went on taking writes after A was lost").isGreaterThanOrEqualTo(bBefore + 20);
		// every write A acknowledged is readable on B, and so is every one of B's
		for (long id : byA) {
			assertThat(api(this.b, "GET", "/api/v1/assessments/" + id, token, null, null).statusCode()).as("#" + id)
				.isEqualTo(200);
		}
		try (HikariDataSource ds = settings().open(2)) {
			Set<Long> stored = new java.util.HashSet<>();
			try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select id from assessment");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getLong(1));
				}
			}
			assertThat(stored).containsAll(byA).containsAll(byB);
			AuditLog.Verification v = new AuditLog(ds).verify();
			assertThat(v.intact()).as(v.problems().toString()).isTrue();
		}
		// the browser session begun on A goes on, on B
		assertThat(get(client, this.b, "/assessments").statusCode()).isEqualTo(200);
	}

	// --- the instances

	private DatabaseSettings settings() {
		return DatabaseSettings.of(this.url).withSchema(SCHEMA);
	}

	private Process start(String name) throws IOException {
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), "-Doutbound.db.url=" + this.url, "-Doutbound.db.schema=" + SCHEMA,
				"cn.outbound.app.OutboundApplication", "--server.port=" + port, "--server.address=127.0.0.1");
		pb.environment().put("OUTBOUND_LEDGER_KEY", LEDGER_KEY);
		pb.redirectErrorStream(true);
		pb.redirectOutput(this.dir.resolve(name + "-" + port + ".log").toFile());
		return pb.start();
	}

	private Instance awaitHealthy(String name, Process server) throws Exception {
		try (var logs = Files.list(this.dir)) {
			Path log = logs.filter(p -> p.getFileName().toString().startsWith(name + "-")).findFirst().orElseThrow();
			String file = log.getFileName().toString();
			int port = Integer.parseInt(file.substring(name.length() + 1, file.length() - 4));
			long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
			while (System.nanoTime() < deadline) {
				if (!server.isAlive()) {
					throw new AssertionError("instance " + name + " exited: " + tail(log));
				}
				try {
					HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
						.timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() == 200) {
						return new Instance(name, port, server, log);
					}
				}
				catch (IOException ex) {
					// not up yet
				}
				Thread.sleep(250);
			}
			throw new AssertionError("instance " + name + " did not start: " + tail(log));
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	// --- requests

	private String user(String prefix, Role role) throws SQLException {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		try (HikariDataSource ds = settings().open(1); Writes writes = new Writes(ds)) {
			new Users(ds, writes).add(name, role, PASSWORD, "tests", null);
		}
		return name;
	}

	private long count(String sql, String arg) throws SQLException {
		try (HikariDataSource ds = settings().open(1); Connection c = ds.getConnection();
				PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, arg);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private String issueToken(Instance on, String name) throws Exception {
		HttpResponse<String> r = api(on, "POST", "/api/v1/users/" + name + "/tokens", this.adminToken, "{}", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		assertThat(m.find()).as(r.body()).isTrue();
		return m.group(1);
	}

	private HttpResponse<String> patch(Instance on, String path, String json) throws Exception {
		return api(on, "PATCH", path, this.adminToken, json, null);
	}

	private HttpResponse<String> api(Instance on, String method, String path, String token, String json,
			String idempotencyKey) throws IOException, InterruptedException {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(on.url(path)))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			r.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			r.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A browser: keeps cookies (one jar for both instances, as behind one load balancer's address). */
	private static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static HttpResponse<String> get(HttpClient client, Instance on, String path)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(on.url(path))).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> signInAs(HttpClient client, Instance on, String name, String password,
			String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder page = HttpRequest.newBuilder(URI.create(on.url("/login"))).GET();
		for (int i = 0; i < headers.length; i += 2) {
			page.header(headers[i], headers[i + 1]);
		}
		String token = ServerTests.csrf(client.send(page.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body());
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(on.url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
		for (int i = 0; i < headers.length; i += 2) {
			post.header(headers[i], headers[i + 1]);
		}
		return client.send(post.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The id of the assessment a response carries (a replay has no Location, the body names it). */
	private static long id(HttpResponse<String> response) {
		return ServerTests.JSON.readTree(response.body()).get("id").asLong();
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

}
