package cn.outbound.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.app.OutboundApplication;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.service.Services;
import cn.outbound.service.audit.AuditEvent;
import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.db.DatabaseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #10: every change writes its audit entry through the one application layer, whatever the door. The server runs
 * ({@code serve}) and the CLI works on the same database at the same time; a user made on the command line, through
 * the API and on the admin page, a role changed on the command line and through the API, and export events recorded
 * by {@code ledger record}, {@code scan --record-to-ledger} and the API each leave entries of one shape (action,
 * target, details), differing only in who and from where, all on one intact hash chain whose head both doors report
 * alike. Run on an embedded H2 file ({@link H2DoorsAuditIntegrationTests}) and on PostgreSQL
 * ({@link PostgresDoorsAuditIntegrationTests}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoorsAuditContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String CLI_ACTOR = "cli:" + System.getProperty("user.name", "unknown");

	/** Three synthetic, checksum-valid resident ID numbers (Beijing Chaoyang), one column. */
	private static final String IDS = "id\n" + residentId(1) + "\n" + residentId(2) + "\n" + residentId(3) + "\n";

	Path dir;

	private ConfigurableApplicationContext server;

	private int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** What the CLI reads ({@code OUTBOUND_DB_URL}, …): the same database as the server's. */
	abstract Map<String, String> environment() throws Exception;

	/** The server's own settings for that database ({@code --outbound.db.url=…}). */
	abstract List<String> serverArguments();

	@BeforeAll
	void start() throws Exception {
		this.dir = Files.createTempDirectory("outbound-doors");
		LedgerCommand.environment = environment();
		List<String> args = new ArrayList<>(serverArguments());
		args.add("--outbound.token-cache-ttl=0s");
		this.server = OutboundApplication.start(0, args.toArray(String[]::new));
		this.port = this.server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	void stop() {
		LedgerCommand.environment = null;
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test // #10
	void everyDoorAuditsThroughTheOneServiceInOneShape() throws Exception {
		// the command line: the first administrator, her password and token printed once
		CliRun root = CliRun.run("users", "add", "root", "--role", "ADMIN");
		assertThat(root.exit()).as(root.err()).isZero();
		String token = lastLine(root.out());
		Matcher pw = Pattern.compile("Password \\(shown once[^)]*\\): (\\S+)").matcher(root.out());
		assertThat(pw.find()).as(root.out()).isTrue();

		// the API, with her token
		HttpResponse<String> api = send(request("/api/v1/users", token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"api-made\", \"role\": \"ANALYST\"}")));
		assertThat(api.statusCode()).as(api.body()).isEqualTo(201);

		// the admin page, signed in with her password
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> signIn = form(browser, "/login", "username=root&password="
				+ URLEncoder.encode(pw.group(1), StandardCharsets.UTF_8) + "&_csrf=" + csrf(browser, "/login"));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		HttpResponse<String> page = form(browser, "/admin/users",
				"username=page-made&role=VIEWER&_csrf=" + csrf(browser, "/admin/users"));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("page-made");

		// a role changed on the command line and through the API
		assertThat(CliRun.run("users", "role", "api-made", "VIEWER").exit()).isZero();
		HttpResponse<String> patched = send(request("/api/v1/users/page-made", token)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\": \"ANALYST\"}")));
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

		// export events: ledger record, scan --record-to-ledger, the API upload
		Path ids = Files.writeString(this.dir.resolve("ids.csv"), IDS);
		CliRun recorded = CliRun.run("ledger", "record", "--processor", "doors", "--event-key", "cli-1", "--date",
				"2026-03-15", "--ids", ids.toString(), "--column", "id");
		assertThat(recorded.exit()).as(recorded.err()).isZero();
		assertThat(recorded.err()).doesNotContain("could not be audited");
		CliRun scanned = CliRun.run("scan", ids.toString(), "--as-of", "2026-03-15", "--record-to-ledger",
				"--processor", "doors", "--event-key", "scan-1");
		assertThat(scanned.exit()).as(scanned.err()).isZero();
		assertThat(scanned.out() + scanned.err()).doesNotContain("could not be audited");
		HttpResponse<String> uploaded = send(
				request("/api/v1/ledger/doors/events?date=2026-03-15&eventKey=api-1&column=id", token)
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(IDS)));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

		try (Services services = Services.open(DatabaseSettings.fromEnvironment(LedgerCommand.environment))) {
			AuditLog log = services.auditLog();
			List<AuditEvent> created = oldestFirst(log.page(0, 100, "USER_CREATED"));
			assertThat(created).extracting(AuditEvent::target)
				.containsExactly("user:root", "user:api-made", "user:page-made");
			assertThat(created).extracting(AuditEvent::details).containsExactly("role=ADMIN org=default", "role=ANALYST org=default",
					"role=VIEWER org=default");
			assertWho(created.get(0), CLI_ACTOR, true);
			assertWho(created.get(1), "root", false);
			assertWho(created.get(2), "root", false);
			// each door issued the first token in the same write, right after: the same entry, the same who
			List<AuditEvent> tokens = oldestFirst(log.page(0, 100, "TOKEN_ISSUED"));
			for (AuditEvent c : created) {
				assertThat(tokens).filteredOn(t -> t.seq() == c.seq() + 1).singleElement().satisfies(t -> {
					assertThat(t.target()).isEqualTo(c.target());
					assertThat(t.details()).isEqualTo("name=initial");
					assertThat(t.actor()).isEqualTo(c.actor());
					assertThat(t.remote()).isEqualTo(c.remote());
				});
			}

			List<AuditEvent> roles = oldestFirst(log.page(0, 100, "ROLE_SET"));
			assertThat(roles).extracting(AuditEvent::target).containsExactly("user:api-made", "user:page-made");
			assertThat(roles).extracting(AuditEvent::details).containsExactly("role=VIEWER", "role=ANALYST");
			assertWho(roles.get(0), CLI_ACTOR, true);
			assertWho(roles.get(1), "root", false);

			List<AuditEvent> events = oldestFirst(log.page(0, 100, "LEDGER_RECORD"));
			assertThat(events).extracting(AuditEvent::target)
				.containsExactly("ledger:doors/cli-1", "ledger:doors/scan-1", "ledger:doors/api-1");
			assertThat(events).allSatisfy(e -> assertThat(e.details())
				.matches("date=2026-03-15 basis=NONE rows=[0-9]+ invalid=0")
				.doesNotContain(residentId(1)));
			assertThat(events.get(0).details()).isEqualTo(events.get(2).details());
			assertWho(events.get(0), CLI_ACTOR, true);
			assertWho(events.get(1), CLI_ACTOR, true);
			assertWho(events.get(2), "root", false);

			// one chain, whoever wrote: the CLI and the API see the same intact head
			AuditLog.Verification v = log.verify();
			assertThat(v.intact()).as(v.problems().toString()).isTrue();
			CliRun verify = CliRun.run("audit", "verify");
			assertThat(verify.exit()).as(verify.out()).isZero();
			assertThat(verify.out()).contains("head " + v.headHash());
			JsonNode apiVerify = JSON.readTree(send(request("/api/v1/audit/verify", token).GET()).body());
			assertThat(apiVerify.get("intact").asBoolean()).isTrue();
			assertThat(apiVerify.get("headHash").asString()).isEqualTo(v.headHash());
			assertThat(apiVerify.get("entries").asLong()).isEqualTo(v.entries());
		}
	}

	static String residentId(int n) {
		String first17 = String.format("110105%04d0101%03d", 1950 + n / 1000, n % 1000);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	private static void assertWho(AuditEvent e, String actor, boolean commandLine) {
		assertThat(e.actor()).as(e.toString()).isEqualTo(actor);
		if (commandLine) {
			assertThat(e.remote()).as(e.toString()).startsWith("cli@");
		}
		else {
			assertThat(e.remote()).as(e.toString()).isEqualTo("127.0.0.1");
		}
	}

	private static List<AuditEvent> oldestFirst(List<AuditEvent> newestFirst) {
		List<AuditEvent> out = new ArrayList<>(newestFirst);
		Collections.reverse(out);
		return out;
	}

	private static String lastLine(String out) {
		String[] lines = out.strip().split("\n");
		return lines[lines.length - 1].strip();
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String csrf(HttpClient browser, String path) throws IOException, InterruptedException {
		String html = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF token on " + path).isTrue();
		return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> form(HttpClient browser, String path, String body)
			throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A fresh PostgreSQL schema for both doors, or skipped on a machine without PostgreSQL configured. */
	static String postgres(String schema) throws SQLException {
		String base = System.getProperty("outbound.test.postgres.url");
		org.junit.jupiter.api.Assumptions.assumeTrue(base != null && !base.isBlank(),
				"outbound.test.postgres.url is not set (CI sets OUTBOUND_TEST_POSTGRES_URL)");
		try (var c = java.sql.DriverManager.getConnection(base); var s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
			s.execute("create schema " + schema);
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

}
