package cn.outbound.pii.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream in large chunks. Undecodable bytes become U+FFFD and are counted; the
 * reader turns the count into row problems.
 */
final class CharSource {

	static final int CHARS = 1 << 18;

	private final InputStream in;

	private final ByteBuffer bytes;

	private final CharBuffer chars = CharBuffer.allocate(CHARS);

	private final CharsetDecoder decoder;

	private boolean endOfBytes;

	private boolean flushed;

	char[] buf = this.chars.array();

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
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Replaces the buffer with the next chunk of characters; false at the end of the input. */
	boolean fill() {
		this.chars.clear();
		this.pos = 0;
		this.limit = 0;
		if (this.flushed) {
			return false;
		}
		try {
			while (true) {
				CoderResult result = this.decoder.decode(this.bytes, this.chars, this.endOfBytes);
				if (result.isError()) {
					this.malformed++;
					this.bytes.position(this.bytes.position() + result.length());
					if (this.chars.hasRemaining()) {
						this.chars.put('\uFFFD');
					}
					continue;
				}
				if (result.isOverflow()) {
					break;
				}
				if (this.endOfBytes) {
					this.decoder.flush(this.chars);
					this.flushed = true;
					break;
				}
				if (this.chars.position() >= CHARS / 2) {
					break;
				}
				readMore();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.limit = this.chars.position();
		return this.limit > 0;
	}

	private void readMore() throws IOException {
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
