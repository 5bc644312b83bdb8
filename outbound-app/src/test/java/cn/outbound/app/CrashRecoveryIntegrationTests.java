package cn.outbound.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server (SIGKILL) while clients are storing assessments, then checks that every assessment the server
 * had answered 201 for is in the database, that the H2 file opens, that the audit chain is intact, and that the
 * server starts again on the same file.
 */
class CrashRecoveryIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	@Test // #3: the server never loses a committed assessment when it is killed mid-write
	void aKilledServerLosesNoCommittedAssessment(@TempDir Path dir) throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("outbound") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		String token;
		try (HikariDataSource ds = DatabaseSettings.of(url).open(2); Writes writes = new Writes(ds)) {
			DatabaseSettings.of(url).migrate(ds);
			token = new Users(ds, writes).add("crash", Role.ANALYST, null, "tests", null).token();
		}
		int port = freePort();
		Process server = start(url, port, dir.resolve("server-1.log"));
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		try {
			awaitHealthy(port, server, dir.resolve("server-1.log"));
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> clients = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Thread t = new Thread(() -> {
					while (running.get()) {
						try {
							HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
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
							// the server is gone: stop
							return;
						}
					}
				});
				t.start();
				clients.add(t);
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			server.destroyForcibly(); // SIGKILL, mid-write: the clients are still posting
			server.waitFor();
			running.set(false);
			for (Thread t : clients) {
				t.join(15_000);
			}
		}
		finally {
			server.destroyForcibly();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);

		try (HikariDataSource ds = DatabaseSettings.of(url).open(2)) {
			DatabaseSettings.of(url).migrate(ds);
			Set<Long> stored = ConcurrentHashMap.newKeySet();
			try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select id from assessment");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					stored.add(rs.getLong(1));
				}
			}
			assertThat(stored).containsAll(acknowledged);
			AuditLog.Verification v = new AuditLog(ds).verify();
			assertThat(v.intact()).as(v.problems().toString()).isTrue();
			assertThat(v.entries()).isEqualTo(stored.size() + 2);
		}

		int port2 = freePort();
		Process again = start(url, port2, dir.resolve("server-2.log"));
		try {
			awaitHealthy(port2, again, dir.resolve("server-2.log"));
			long id = acknowledged.iterator().next();
			HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2 + "/api/v1/assessments/" + id))
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).isEqualTo(200);
		}
		finally {
			again.destroy();
			again.waitFor();
		}
	}

	private static Process start(String url, int port, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), "-Doutbound.db.url=" + url, "cn.outbound.app.OutboundApplication",
				"--server.port=" + port, "--server.address=127.0.0.1");
		pb.redirectErrorStream(true);
		pb.redirectOutput(log.toFile());
		return pb.start();
	}

	private void awaitHealthy(int port, Process server, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new AssertionError("the server exited: " + tail(log));
			}
			try {
				HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
					.timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the server did not start: " + tail(log));
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


}
