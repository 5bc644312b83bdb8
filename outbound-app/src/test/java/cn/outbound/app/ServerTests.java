package cn.outbound.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one server every integration test shares (one Spring context for the whole module): a real Tomcat on a random
 * port over an in-memory H2 database, with short timeouts so that slow-request tests finish quickly. Users
 * {@code admin}, {@code analyst} and {@code viewer} exist with known passwords and tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "outbound.db.url=jdbc:h2:mem:outbound-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"outbound.body-timeout=2s", "server.tomcat.connection-timeout=2s", "outbound.token-cache-ttl=0s",
				"outbound.scan.max-upload=2MB", "outbound.scan.temp-dir=target/scan-uploads" })
public abstract class ServerTests {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	public static final String PASSWORD = "correct-horse-battery";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	protected Users users;

	protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** The token of a test user, created on first use. */
	protected String token(Role role) {
		// per server: a PostgreSQL-backed context runs beside the H2 one
		return TOKENS.computeIfAbsent(this.port + "/" + role.name(), r -> {
			try {
				String name = role.name().toLowerCase();
				if (this.users.find(name).isPresent()) {
					return this.users.issueToken(name, "tests", "tests", "127.0.0.1");
				}
				return this.users.add(name, role, PASSWORD, "tests", "127.0.0.1").token();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	protected HttpResponse<String> get(String path, Role role) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
		if (role != null) {
			b.header("Authorization", "Bearer " + token(role));
		}
		return send(b.build());
	}

	protected HttpResponse<String> post(String path, Role role, String body, String... headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (!java.util.Arrays.asList(headers).contains("Content-Type")) {
			b.header("Content-Type", "application/json");
		}
		if (role != null) {
			b.header("Authorization", "Bearer " + token(role));
		}
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b.build());
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** A scenario of spec/examples. */
	protected static String example(String name) {
		try {
			return Files.readString(repo().resolve("spec/examples/" + name + ".json"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The repository's root, where the in-repo copy of the spec and its examples lives. */
	protected static Path repo() {
		String configured = System.getProperty("outbound.repo");
		return Path.of((configured != null) ? configured : "..").toAbsolutePath().normalize();
	}

	/** The bank of the issue: loan data of 1,200,000 customers plus 150,000 persons' PI. */
	protected static String bankScenario() {
		return """
				{"schema": "outbound/scenario/v1", "jurisdiction": "tianjin-ftz", "date": "2026-03-15",
				 "processor": {"id": "bank-tj", "name": "示例银行（天津）股份有限公司", "ciio": false},
				 "data": [{"item": 20, "description": "loan ledger", "facts": {"affectedCustomers": 1200000}}],
				 "personalInformation": [{"individuals": 150000, "sensitiveIndividuals": 0, "basis": "NONE"}]}
				""";
	}

	/** A browser-like client: keeps cookies, signs in with the form. */
	protected HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	protected static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF token in the page");
		}
		return m.group(1);
	}

	protected HttpResponse<String> browserGet(HttpClient client, String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected HttpResponse<String> browserPost(HttpClient client, String path, String form) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A {@code multipart/form-data} body: fields as name, value pairs, then one file part. */
	protected static final class MultipartBody {

		public static final String BOUNDARY = "----outbound-test-7MA4YWxkTrZu0gW";

		private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

		public MultipartBody() {
			// for the tests of other packages too
		}

		public MultipartBody field(String name, String value) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
			return this;
		}

		public MultipartBody file(String name, String fileName, byte[] content) {
			write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			this.out.writeBytes(content);
			write("\r\n");
			return this;
		}

		public byte[] bytes() {
			java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
			all.writeBytes(this.out.toByteArray());
			all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return all.toByteArray();
		}

		public static String contentType() {
			return "multipart/form-data; boundary=" + BOUNDARY;
		}

		private void write(String s) {
			this.out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** Posts a multipart form as a signed-in browser would, the CSRF token in the query string. */
	protected HttpResponse<String> browserUpload(HttpClient client, String path, String csrf, MultipartBody body) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url(path + "?_csrf="
					+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8))))
				.header("Content-Type", MultipartBody.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The path of a redirect's Location. */
	protected static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * Signs in with the form as {@code name}; returns the response of the sign-in (a redirect). {@code headers} are
	 * added to both requests (e.g. {@code X-Forwarded-For}).
	 */
	protected HttpResponse<String> signInAs(HttpClient client, String name, String password, String... headers) {
		try {
			HttpRequest.Builder page = HttpRequest.newBuilder(URI.create(url("/login"))).GET();
			for (int i = 0; i < headers.length; i += 2) {
				page.header(headers[i], headers[i + 1]);
			}
			String token = csrf(client.send(page.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.body());
			HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("/login")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
						+ "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
						+ java.net.URLEncoder.encode(token, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
			for (int i = 0; i < headers.length; i += 2) {
				post.header(headers[i], headers[i + 1]);
			}
			return client.send(post.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs in with the form as the user of a role; returns the client with its session. */
	protected HttpClient signIn(Role role) {
		token(role);
		HttpClient client = browser();
		String token = csrf(browserGet(client, "/login").body());
		HttpResponse<String> r = browserPost(client, "/login", "username=" + role.name().toLowerCase() + "&password="
				+ PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
		if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.headers().map());
		}
		return client;
	}

}
