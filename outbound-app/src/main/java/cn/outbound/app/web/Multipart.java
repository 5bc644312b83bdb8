package cn.outbound.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as a stream, one part after the other, without holding a part
 * in memory or on disk: the caller decides where each part's bytes go (a form field into a short string, a file
 * straight into a temporary file with a size limit). The server's own multipart parsing is switched off
 * ({@code spring.servlet.multipart.enabled=false}) so that no part is buffered before a controller sees it.
 */
public final class Multipart {

	/** The most a part's headers may take. */
	static final int MAX_HEADER_BYTES = 8 * 1024;

	private final InputStream in;

	/** {@code CRLF "--" boundary}: what ends a part. */
	private final byte[] delimiter;

	private final byte[] buf;

	private int pos;

	private int limit;

	private boolean eof;

	private boolean finished;

	private PartStream current;

	/** A malformed body: the message says what was wrong, never quotes the content. */
	public static final class MalformedException extends IOException {

		private static final long serialVersionUID = 1L;

		MalformedException(String message) {
			super(message);
		}

	}

	/**
	 * One part: its form field name, the file name a browser sent (or {@code null} for a plain field) and its body,
	 * which ends where the part ends.
	 */
	public record Part(String name, String fileName, String contentType, InputStream body) {

		/** The body as UTF-8 text, at most {@code max} bytes (longer is a {@link MalformedException}). */
		public String text(int max) throws IOException {
			byte[] bytes = this.body.readNBytes(max + 1);
			if (bytes.length > max) {
				throw new MalformedException("form field '" + this.name + "' is longer than " + max + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	public Multipart(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buf = new byte[64 * 1024];
		// the first delimiter may open the body without a preceding CRLF: pretend there was one
		this.buf[0] = '\r';
		this.buf[1] = '\n';
		this.limit = 2;
	}

	/** Whether a content type is {@code multipart/form-data}. */
	public static boolean isMultipart(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
	}

	/** The boundary parameter of a {@code multipart/form-data} content type, or {@code null}. */
	public static String boundary(String contentType) {
		if (!isMultipart(contentType)) {
			return null;
		}
		for (String param : contentType.split(";")) {
			String p = param.strip();
			if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
				String b = p.substring(9).strip();
				if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
					b = b.substring(1, b.length() - 1);
				}
				return (b.isEmpty() || b.length() > 70) ? null : b;
			}
		}
		return null;
	}

	/**
	 * The next part, after skipping what is left of the previous one; {@code null} after the last.
	 * @throws MalformedException when the body is not multipart/form-data with this boundary
	 */
	public Part next() throws IOException {
		if (this.finished) {
			return null;
		}
		if (this.current == null) {
			// the preamble, up to the first delimiter
			new PartStream().skipAll();
		}
		else {
			this.current.skipAll();
		}
		// after a delimiter: "--" closes the body; otherwise optional blanks and CRLF
		if (!ensure(2)) {
			throw new MalformedException("the body ends right after a boundary");
		}
		if (this.buf[this.pos] == '-' && this.buf[this.pos + 1] == '-') {
			this.finished = true;
			return null;
		}
		while (ensure(1) && (this.buf[this.pos] == ' ' || this.buf[this.pos] == '\t')) {
			this.pos++;
		}
		if (!ensure(2) || this.buf[this.pos] != '\r' || this.buf[this.pos + 1] != '\n') {
			throw new MalformedException("a boundary is not followed by a line break");
		}
		this.pos += 2;
		String headers = readHeaders();
		String name = null;
		String fileName = null;
		String contentType = null;
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (header.equals("content-disposition")) {
				name = parameter(value, "name");
				String star = parameter(value, "filename*");
				fileName = (star != null) ? extended(star) : parameter(value, "filename");
			}
			else if (header.equals("content-type")) {
				contentType = value;
			}
		}
		if (name == null) {
			throw new MalformedException("a part has no Content-Disposition name");
		}
		this.current = new PartStream();
		return new Part(name, baseName(fileName), contentType, this.current);
	}

	/** Copies a part's body to {@code out}; returns the bytes copied, or -1 once more than {@code max} were read. */
	public static long copy(InputStream body, OutputStream out, long max) throws IOException {
		byte[] chunk = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = body.read(chunk)) != -1) {
			total += n;
			if (total > max) {
				return -1;
			}
			out.write(chunk, 0, n);
		}
		return total;
	}

	private String readHeaders() throws IOException {
		int searched = 0;
		while (true) {
			for (int i = this.pos + searched; i + 3 < this.limit; i++) {
				if (this.buf[i] == '\r' && this.buf[i + 1] == '\n' && this.buf[i + 2] == '\r' && this.buf[i + 3] == '\n') {
					String headers = new String(this.buf, this.pos, i - this.pos, StandardCharsets.UTF_8);
					this.pos = i + 4;
					return headers;
				}
			}
			searched = Math.max(0, this.limit - this.pos - 3);
			if (searched > MAX_HEADER_BYTES) {
				throw new MalformedException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
			}
			if (!fill()) {
				throw new MalformedException("the body ends inside a part's headers");
			}
		}
	}

	/** Makes at least {@code n} bytes available from {@link #pos}; false at the end of the input. */
	private boolean ensure(int n) throws IOException {
		while (this.limit - this.pos < n) {
			if (!fill()) {
				return false;
			}
		}
		return true;
	}

	/** Moves the unread bytes to the front and reads more; false when the input has ended. */
	private boolean fill() throws IOException {
		if (this.eof) {
			return false;
		}
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, this.limit - this.pos);
			this.limit -= this.pos;
			this.pos = 0;
		}
		int n = this.in.read(this.buf, this.limit, this.buf.length - this.limit);
		if (n < 0) {
			this.eof = true;
			return false;
		}
		this.limit += n;
		return true;
	}

	private int indexOfDelimiter(int from) {
		byte first = this.delimiter[0];
		int last = this.limit - this.delimiter.length;
		outer: for (int i = from; i <= last; i++) {
			if (this.buf[i] != first) {
				continue;
			}
			for (int j = 1; j < this.delimiter.length; j++) {
				if (this.buf[i + j] != this.delimiter[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A part's body: the bytes up to the next delimiter, which it consumes when it reaches it. */
	private final class PartStream extends InputStream {

		private boolean done;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.done) {
				return -1;
			}
			if (len == 0) {
				return 0;
			}
			Multipart m = Multipart.this;
			while (true) {
				int at = m.indexOfDelimiter(m.pos);
				int available;
				if (at >= 0) {
					available = at - m.pos;
					if (available == 0) {
						m.pos += m.delimiter.length;
						this.done = true;
						return -1;
					}
				}
				else {
					// bytes that cannot begin a delimiter still to be completed
					available = m.limit - m.pos - (m.delimiter.length - 1);
				}
				if (available > 0) {
					int n = Math.min(len, available);
					System.arraycopy(m.buf, m.pos, b, off, n);
					m.pos += n;
					return n;
				}
				if (!m.fill()) {
					throw new MalformedException("the body ends before the closing boundary");
				}
			}
		}

		void skipAll() throws IOException {
			byte[] sink = new byte[8192];
			while (read(sink, 0, sink.length) >= 0) {
				// discard
			}
		}

	}

	/** A Content-Disposition parameter, quoted or not. */
	static String parameter(String header, String name) {
		int i = 0;
		while (i < header.length()) {
			int semi = nextSemicolon(header, i);
			String item = header.substring(i, semi).strip();
			int eq = item.indexOf('=');
			if (eq > 0 && item.substring(0, eq).strip().equalsIgnoreCase(name)) {
				String v = item.substring(eq + 1).strip();
				if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
					v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
				}
				return v;
			}
			i = semi + 1;
		}
		return null;
	}

	private static int nextSemicolon(String s, int from) {
		boolean quoted = false;
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && quoted) {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ';' && !quoted) {
				return i;
			}
		}
		return s.length();
	}

	/** RFC 5987 {@code UTF-8''name%20with%20spaces}. */
	private static String extended(String value) {
		int quote = value.indexOf("''");
		if (quote < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value.substring(quote + 2);
		}
	}

	/** Browsers on Windows once sent the whole path; only the last segment is a file name. */
	private static String baseName(String fileName) {
		if (fileName == null) {
			return null;
		}
		int cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
		return fileName.substring(cut + 1);
	}

}
