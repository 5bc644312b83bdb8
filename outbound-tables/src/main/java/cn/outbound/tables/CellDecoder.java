package cn.outbound.tables;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one decoder of bytes into characters for every table reader: one cell at a time ({@link #decode(byte[], int, int)},
 * for the scanner's blocks of bytes) or a stream chunk by chunk ({@link #decode(ByteBuffer, char[], int, int, boolean)},
 * for {@link CharSource}), with the same result whichever way and wherever the chunks are cut.
 * <p>
 * UTF-8 is decoded by hand: an ASCII loop, then the three-byte form of CJK first, then two- and four-byte forms, about
 * twice as fast as the JDK decoder on Chinese text. It is strict: overlong forms, encoded surrogates, code points
 * beyond U+10FFFF and stray bytes are malformed, and each malformed sequence becomes one U+FFFD (one per bad lead
 * byte, its continuation bytes skipped, also when they run on into the next chunk) and is counted in
 * {@link #malformed()}. Other charsets (GB18030, the superset of GBK, and UTF-16) go through the JDK decoder with one
 * U+FFFD per malformed or unmappable sequence, counted the same way. One decoder per thread.
 */
public final class CellDecoder {

	private static final char REPLACEMENT = '\uFFFD';

	private final boolean utf8;

	private final CharsetDecoder decoder;

	private char[] chars = new char[256];

	private CharBuffer charBuffer = CharBuffer.wrap(this.chars);

	private byte[] wrapped;

	private ByteBuffer byteBuffer;

	private int malformed;

	/** Streaming, UTF-8: the last chunk ended inside the continuation bytes of a malformed sequence. */
	private boolean skipping;

	/** Streaming, other charsets: a replacement that found no room in the last chunk's output. */
	private boolean replacementOwed;

	/** Streaming, other charsets: the end of the input was reached and the decoder flushed. */
	private boolean streamFlushed;

	/** Where the last {@link #utf8} call stopped in its input. */
	private int stoppedAt;

	public CellDecoder(Charset charset) {
		this.utf8 = charset.equals(StandardCharsets.UTF_8);
		this.decoder = this.utf8 ? null
				: charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The characters of the last {@link #decode(byte[], int, int)}, from index 0. */
	public char[] chars() {
		return this.chars;
	}

	/**
	 * Undecodable sequences: in the last {@link #decode(byte[], int, int)} of a cell; for a stream, since the last
	 * {@link #takeMalformed()}.
	 */
	public int malformed() {
		return this.malformed;
	}

	/** Decodes cell {@code cell} of {@code block}; returns the number of characters in {@link #chars()}. */
	public int decode(RowBlock block, int cell) {
		return decode(block.array(cell), block.start(cell), block.end(cell));
	}

	/** Decodes {@code bytes[from, to)}, a whole cell; returns the number of characters in {@link #chars()}. */
	public int decode(byte[] bytes, int from, int to) {
		int len = to - from;
		if (this.chars.length < len) {
			this.chars = new char[Math.max(len, this.chars.length * 2)];
			this.charBuffer = CharBuffer.wrap(this.chars);
		}
		this.malformed = 0;
		// a character is never more UTF-16 units than it has bytes, so len characters of room always suffice
		return this.utf8 ? utf8(bytes, from, to, to, this.chars, 0) : other(bytes, from, to);
	}

	/**
	 * Decodes a chunk of a stream: {@code bytes} from its position to its limit into {@code out[n, max)}, and
	 * returns the new {@code n}. The buffer's position moves past what was decoded; unless {@code endOfInput}, up to
	 * three bytes that may start a character are left for the next chunk. Malformed sequences add to
	 * {@link #malformed()}. The result over all chunks is that of decoding the whole input at once.
	 * @param bytes a heap buffer
	 * @param max at least {@code n + 8}
	 */
	int decode(ByteBuffer bytes, char[] out, int n, int max, boolean endOfInput) {
		return this.utf8 ? utf8(bytes, out, n, max, endOfInput) : other(bytes, out, n, max, endOfInput);
	}

	/** The count of malformed sequences of a stream so far, reset to 0. */
	int takeMalformed() {
		int m = this.malformed;
		this.malformed = 0;
		return m;
	}

	private int utf8(ByteBuffer bytes, char[] out, int n, int max, boolean endOfInput) {
		byte[] in = bytes.array();
		int base = bytes.arrayOffset();
		int p = base + bytes.position();
		int to = base + bytes.limit();
		if (this.skipping) {
			while (p < to && (in[p] & 0xC0) == 0x80) {
				p++;
			}
			this.skipping = p == to && !endOfInput;
		}
		// what may start a character with all its bytes present; and no more than fits: each step writes at most one
		// character per byte it reads, plus one for a four-byte form
		int stop = endOfInput ? to : to - 3;
		stop = Math.min(stop, p + (max - n) - 1);
		int produced = n;
		if (p < stop) {
			this.lastSkipEnd = -1;
			produced = utf8(in, p, stop, to, out, n);
			p = this.stoppedAt;
			// a malformed sequence's continuation bytes ran to the end of the chunk: more may follow in the next
			this.skipping = !endOfInput && p == to && this.lastSkipEnd == to;
		}
		bytes.position(p - base);
		return produced;
	}

	/** Where the last malformed sequence's continuation bytes ended (streaming). */
	private int lastSkipEnd = -1;

	/**
	 * The hand-written UTF-8 loop: decodes characters starting before {@code stop} (their bytes may reach up to
	 * {@code to}) into {@code out} from {@code n}; returns the new {@code n} and leaves the input position in
	 * {@link #stoppedAt}.
	 */
	private int utf8(byte[] in, int from, int stop, int to, char[] out, int n) {
		int p = from;
		while (p < stop) {
			int b = in[p];
			if (b >= 0) {
				out[n++] = (char) b;
				p++;
				continue;
			}
			if (b >= -32 && b <= -17 && p + 2 < to) {
				// lead byte 0xE0-0xEF: the three-byte form of CJK, first and most common
				int b1 = in[p + 1];
				int b2 = in[p + 2];
				int c = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
				if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
					out[n++] = (char) c;
					p += 3;
					continue;
				}
			}
			// a three-byte lead that failed above is malformed: checking it again could only fail again
			b &= 0xFF;
			if (b >= 0xC2 && b <= 0xDF && p + 1 < to) {
				int b1 = in[p + 1] & 0xFF;
				if ((b1 & 0xC0) == 0x80) {
					out[n++] = (char) (((b & 0x1F) << 6) | (b1 & 0x3F));
					p += 2;
					continue;
				}
			}
			else if (b >= 0xF0 && b <= 0xF4 && p + 3 < to) {
				int b1 = in[p + 1] & 0xFF;
				int b2 = in[p + 2] & 0xFF;
				int b3 = in[p + 3] & 0xFF;
				int c = ((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
				if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b3 & 0xC0) == 0x80 && c >= 0x10000 && c <= 0x10FFFF) {
					out[n++] = Character.highSurrogate(c);
					out[n++] = Character.lowSurrogate(c);
					p += 4;
					continue;
				}
			}
			// malformed (or cut by the end of the input): one replacement per bad lead byte
			this.malformed++;
			out[n++] = REPLACEMENT;
			p++;
			while (p < to && (in[p] & 0xC0) == 0x80) {
				p++;
			}
			this.lastSkipEnd = p;
		}
		this.stoppedAt = p;
		return n;
	}

	private int other(byte[] in, int from, int to) {
		if (this.wrapped != in) {
			this.wrapped = in;
			this.byteBuffer = ByteBuffer.wrap(in);
		}
		ByteBuffer bytes = this.byteBuffer;
		bytes.limit(to).position(from);
		CharBuffer out = this.charBuffer;
		out.clear();
		this.decoder.reset();
		jdk(bytes, out, true);
		this.decoder.flush(out);
		return out.position();
	}

	private int other(ByteBuffer bytes, char[] out, int n, int max, boolean endOfInput) {
		if (this.streamFlushed) {
			return n;
		}
		CharBuffer chars = CharBuffer.wrap(out, n, max - n);
		if (this.replacementOwed) {
			chars.put(REPLACEMENT);
			this.replacementOwed = false;
		}
		CoderResult result = jdk(bytes, chars, endOfInput);
		if (endOfInput && result.isUnderflow() && !this.replacementOwed && !bytes.hasRemaining()) {
			this.decoder.flush(chars);
			this.streamFlushed = true;
		}
		return chars.position();
	}

	/** The JDK decoder with every malformed or unmappable sequence replaced by one U+FFFD and counted. */
	private CoderResult jdk(ByteBuffer bytes, CharBuffer out, boolean endOfInput) {
		while (true) {
			CoderResult result = this.decoder.decode(bytes, out, endOfInput);
			if (!result.isError()) {
				return result;
			}
			this.malformed++;
			bytes.position(bytes.position() + result.length());
			if (!out.hasRemaining()) {
				this.replacementOwed = true;
				return CoderResult.OVERFLOW;
			}
			out.put(REPLACEMENT);
		}
	}

}
