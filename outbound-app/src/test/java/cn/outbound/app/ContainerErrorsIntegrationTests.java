package cn.outbound.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9 item 5: what Tomcat refuses before the application sees it is still answered as the application answers,
 * and a 405 is typed as documented.
 */
class ContainerErrorsIntegrationTests extends ServerTests {

	/** Sends raw bytes and returns the whole response (the server closes the connection). */
	private String raw(String request) throws IOException {
		try (Socket s = new Socket("127.0.0.1", this.port)) {
			s.setSoTimeout(10_000);
			OutputStream out = s.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = s.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			byte[] buf = new byte[8192];
			int n;
			try {
				while ((n = in.read(buf)) > 0) {
					all.write(buf, 0, n);
					if (all.toString(StandardCharsets.UTF_8).contains("}") || all.toString(StandardCharsets.UTF_8).contains("</html>")) {
						break;
					}
				}
			}
			catch (IOException closed) {
				// the server may reset after answering
			}
			return all.toString(StandardCharsets.UTF_8);
		}
	}

	@Test // #9
	void aHeaderOverTheLimitIsAProblemDocumentOnTheApi() throws IOException {
		String r = raw("GET /api/v1/rule-packs HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(r).startsWith("HTTP/1.1 4");
		assertThat(r).containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":4")
			.doesNotContain("Apache Tomcat")
			.doesNotContain("<html");
	}

	@Test // #9
	void encodedSlashesAndBackslashesAreAProblemDocumentOnTheApi() throws IOException {
		for (String path : new String[] { "/api/v1/assessments/a%2Fb", "/api/v1/assessments/a%5Cb", "/api/v1/a%2f..%2fusers" }) {
			String r = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(r).as(path).startsWith("HTTP/1.1 4");
			assertThat(r).as(path)
				.containsIgnoringCase("content-type: application/problem+json")
				.doesNotContain("Apache Tomcat")
				.doesNotContain("<html");
		}
	}

	@Test // #9
	void aPageRefusedByTheContainerIsAPlainPageWithoutTomcatsName() throws IOException {
		String r = raw("GET /list/a%2Fb HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
		assertThat(r).startsWith("HTTP/1.1 400");
		assertThat(r).contains("Outbound").doesNotContain("Apache Tomcat").doesNotContain("Exception");
		assertThat(r).containsIgnoringCase("content-security-policy:");
	}

	@Test // #9
	void methodNotAllowedIsTypedAsDocumented() {
		for (HttpResponse<String> r : new HttpResponse[] {
				send(HttpRequest.newBuilder(URI.create(url("/api/v1/decisions")))
					.header("Authorization", "Bearer " + token(Role.ANALYST))
					.PUT(HttpRequest.BodyPublishers.ofString("{}"))
					.build()),
				send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs")))
					.header("Authorization", "Bearer " + token(Role.ADMIN))
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build()) }) {
			assertThat(r.statusCode()).isEqualTo(405);
			assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:method-not-allowed");
		}
	}

}
