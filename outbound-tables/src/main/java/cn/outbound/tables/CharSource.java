package cn.outbound.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * A byte stream as large chunks of characters, decoded by the one {@link CellDecoder}. Undecodable bytes become
 * U+FFFD and are counted in {@link #malformed}; the reader turns the count into row problems.
 */
final class CharSource {

	static final int CHARS = 1 << 18;

	private final InputStream in;

	private final ByteBuffer bytes;

	private final CellDecoder decoder;

	private boolean endOfBytes;

	private boolean flushed;

	final char[] buf = new char[CHARS];

	int pos;

	int limit;

	long malformed;

	/**
	 * @param head bytes already read from {@code in} (the sniffing window), {@code [skip, headLength)}
	 * still to decode
	 */
	CharSource(InputStream in, Charset charset, byte[] head, int skip, int headLength) {
		this.in = in;
		this.bytes = ByteBuffer.allocate(Math.max(head.length, 1 << 20));
		this.bytes.put(head, skip, headLength - skip);
		this.bytes.flip();
		this.decoder = new CellDecoder(charset);
	}

	/** Replaces the buffer with the next chunk of characters; false at the end of the input. */
	boolean fill() {
		this.pos = 0;
		this.limit = 0;
		if (this.flushed) {
			return false;
		}
		int n = 0;
		try {
			while (n < CHARS / 2) {
				if (!this.endOfBytes && this.bytes.remaining() < 4) {
					readMore();
					continue;
				}
				int before = this.bytes.position();
				int was = n;
				n = this.decoder.decode(this.bytes, this.buf, n, this.buf.length, this.endOfBytes);
				if (this.endOfBytes && !this.bytes.hasRemaining() && n == was) {
					this.flushed = true;
					break;
				}
				if (n == was && this.bytes.position() == before) {
					// only the start of a character is left: it needs the bytes that follow
					readMore();
				}
				else if (n < CHARS / 2 && !this.endOfBytes) {
					readMore();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.malformed += this.decoder.takeMalformed();
		this.limit = n;
		return n > 0;
	}

	private void readMore() throws IOException {
		if (this.endOfBytes) {
			return;
		}
		this.bytes.compact();
		int n = 0;
		while (n == 0) {
			n = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		}
		if (n < 0) {
			this.endOfBytes = true;
		}
		else {
			this.bytes.position(this.bytes.position() + n);
		}
		this.bytes.flip();
	}

	void close() throws IOException {
		this.in.close();
	}

}
