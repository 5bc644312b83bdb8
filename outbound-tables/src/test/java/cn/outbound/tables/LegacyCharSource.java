package cn.outbound.tables;

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
 * The stream decoder as it was before the table module merged it into {@link CellDecoder} (CharSource of
 * outbound-pii's {@code pii.io}, commit 4ca844f), kept unchanged as the oracle of {@link DecoderProperties}: the
 * one decoder must do what it did.
 */
final class LegacyCharSource {

	static final int CHARS = 1 << 18;

	private final InputStream in;

	private final ByteBuffer bytes;

	private final CharBuffer chars = CharBuffer.allocate(CHARS);

	private final CharsetDecoder decoder;

	private boolean endOfBytes;

	private final boolean utf8;

	private boolean flushed;

	char[] buf = this.chars.array();

	int pos;

	int limit;

	long malformed;

	/**
	 * @param head bytes already read from {@code in} (the sniffing window), {@code [skip, headLength)}
	 * still to decode
	 */
	LegacyCharSource(InputStream in, Charset charset, byte[] head, int skip, int headLength) {
		this.in = in;
		this.bytes = ByteBuffer.allocate(Math.max(head.length, 1 << 20));
		this.bytes.put(head, skip, headLength - skip);
		this.bytes.flip();
		this.utf8 = charset.equals(java.nio.charset.StandardCharsets.UTF_8);
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
		if (this.utf8) {
			return fillUtf8();
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

	/**
	 * UTF-8 decoding by hand: an ASCII run loop and direct 2-, 3- and 4-byte paths are about twice
	 * as fast as the JDK decoder on Chinese text. Strict: overlong forms, surrogates and stray
	 * bytes become U+FFFD and are counted, like the JDK's REPORT mode.
	 */
	private boolean fillUtf8() {
		char[] out = this.buf;
		int n = 0;
		int max = out.length - 1;
		try {
			while (n < CHARS / 2) {
				if (this.bytes.remaining() < 4 && !this.endOfBytes) {
					readMore();
					continue;
				}
				byte[] in = this.bytes.array();
				int p = this.bytes.position();
				int end = this.bytes.limit();
				if (p >= end) {
					break;
				}
				// leave up to 3 bytes for the next round unless the input has ended
				int safe = this.endOfBytes ? end : end - 3;
				while (p < safe && n < max) {
					int b = in[p];
					if (b >= 0) {
						out[n++] = (char) b;
						p++;
						continue;
					}
					b &= 0xFF;
					if (b >= 0xE0 && b <= 0xEF && p + 2 < end) {
						int b1 = in[p + 1] & 0xFF;
						int b2 = in[p + 2] & 0xFF;
						int c = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
						if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
							out[n++] = (char) c;
							p += 3;
							continue;
						}
					}
					else if (b >= 0xC2 && b <= 0xDF && p + 1 < end) {
						int b1 = in[p + 1] & 0xFF;
						if ((b1 & 0xC0) == 0x80) {
							out[n++] = (char) (((b & 0x1F) << 6) | (b1 & 0x3F));
							p += 2;
							continue;
						}
					}
					else if (b >= 0xF0 && b <= 0xF4 && p + 3 < end) {
						int b1 = in[p + 1] & 0xFF;
						int b2 = in[p + 2] & 0xFF;
						int b3 = in[p + 3] & 0xFF;
						int c = ((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
						if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b3 & 0xC0) == 0x80 && c >= 0x10000
								&& c <= 0x10FFFF) {
							out[n++] = Character.highSurrogate(c);
							out[n++] = Character.lowSurrogate(c);
							p += 4;
							continue;
						}
					}
					// malformed (or cut by the end of the input): one replacement per bad lead byte
					this.malformed++;
					out[n++] = '\uFFFD';
					p++;
					while (p < end && (in[p] & 0xC0) == 0x80) {
						p++;
					}
				}
				this.bytes.position(p);
				if (n >= max) {
					break;
				}
				if (this.endOfBytes && p >= end) {
					break;
				}
				if (p >= safe && !this.endOfBytes) {
					readMore();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (n == 0 && this.endOfBytes && !this.bytes.hasRemaining()) {
			this.flushed = true;
		}
		this.limit = n;
		return n > 0;
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
