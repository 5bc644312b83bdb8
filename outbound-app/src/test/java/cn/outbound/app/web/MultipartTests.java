package cn.outbound.app.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming multipart reader: parts come out byte for byte however the body arrives (one byte at a time, or a
 * file that holds CRLF and dashes right up to the boundary), and a broken body is refused with a message.
 */
class MultipartTests {

	private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

	private record Read(String name, String fileName, byte[] body) {
	}

	private static List<Read> readAll(byte[] body, int chunk) throws IOException {
		Multipart m = new Multipart(trickle(body, chunk), BOUNDARY);
		List<Read> out = new ArrayList<>();
		for (Multipart.Part p = m.next(); p != null; p = m.next()) {
			out.add(new Read(p.name(), p.fileName(), p.body().readAllBytes()));
		}
		return out;
	}

	private static byte[] body(byte[] file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n个人贷款\r\n"
				+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\data\\\\客户.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	@Test
	void readsFieldsAndFilesWhateverTheChunking() throws IOException {
		byte[] file = ("a,b\r\n1,2\r\n\r\n--" + BOUNDARY.substring(0, 20) + "\r\n-\r").getBytes(StandardCharsets.UTF_8);
		for (int chunk : new int[] { 1, 2, 3, 7, 64, 100_000 }) {
			List<Read> parts = readAll(body(file), chunk);
			assertThat(parts).hasSize(2);
			assertThat(parts.get(0).name()).isEqualTo("description");
			assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("个人贷款");
			assertThat(parts.get(1).name()).isEqualTo("file");
			assertThat(parts.get(1).fileName()).isEqualTo("客户.csv");
			assertThat(parts.get(1).body()).isEqualTo(file);
		}
	}

	@Test
	void aLargeRandomFileComesOutUnchanged() throws IOException {
		byte[] file = new byte[300_000];
		new Random(7).nextBytes(file);
		List<Read> parts = readAll(body(file), 8191);
		assertThat(parts.get(1).body()).isEqualTo(file);
	}

	@Test
	void skipsWhatTheCallerDoesNotRead() throws IOException {
		Multipart m = new Multipart(new ByteArrayInputStream(body(new byte[100_000])), BOUNDARY);
		assertThat(m.next().name()).isEqualTo("description");
		assertThat(m.next().name()).isEqualTo("file");
		assertThat(m.next()).isNull();
		assertThat(m.next()).isNull();
	}

	@Test
	void findsTheBoundaryInTheContentType() {
		assertThat(Multipart.boundary("multipart/form-data; boundary=" + BOUNDARY)).isEqualTo(BOUNDARY);
		assertThat(Multipart.boundary("multipart/form-data; charset=utf-8; boundary=\"a b\"")).isEqualTo("a b");
		assertThat(Multipart.boundary("text/csv")).isNull();
		assertThat(Multipart.boundary("multipart/form-data")).isNull();
		assertThat(Multipart.parameter("form-data; name=\"file\"; filename=\"a;b.csv\"", "filename")).isEqualTo("a;b.csv");
	}

	@Test
	void refusesABodyWithoutItsClosingBoundary() {
		byte[] cut = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n"
				+ "a,b\r\n1,2\r\n").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> readAll(cut, 5)).isInstanceOf(Multipart.MalformedException.class)
			.hasMessageContaining("closing boundary");
		byte[] noName = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> readAll(noName, 5)).isInstanceOf(Multipart.MalformedException.class)
			.hasMessageContaining("name");
		assertThatThrownBy(() -> readAll("no boundary here at all".getBytes(StandardCharsets.UTF_8), 5))
			.isInstanceOf(Multipart.MalformedException.class);
	}

	/** A stream that returns at most {@code chunk} bytes a read, as a slow network does. */
	private static InputStream trickle(byte[] bytes, int chunk) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, chunk));
			}

		};
	}

}
