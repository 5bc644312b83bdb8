package cn.outbound.tables;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The cell decoder as it was before the table module merged it into {@link CellDecoder} (CellDecoder of
 * outbound-pii's {@code pii.io}, commit 4ca844f), kept unchanged as the oracle of {@link DecoderProperties}: the
 * one decoder must do what it did.
 */
final class LegacyCellDecoder {

	private final boolean utf8;

	private final CharsetDecoder decoder;

	private char[] chars = new char[256];

	private CharBuffer charBuffer = CharBuffer.wrap(this.chars);

	private byte[] wrapped;

	private ByteBuffer byteBuffer;

	private int malformed;

	LegacyCellDecoder(Charset charset) {
		this.utf8 = charset.equals(StandardCharsets.UTF_8);
		this.decoder = this.utf8 ? null
				: charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The characters of the last {@link #decode}, from index 0. */
	char[] chars() {
		return this.chars;
	}

	/** Undecodable sequences in the last {@link #decode}. */
	int malformed() {
		return this.malformed;
	}

	/** Decodes {@code bytes[from, to)}; returns the number of characters in {@link #chars()}. */
	int decode(byte[] bytes, int from, int to) {
		int len = to - from;
		if (this.chars.length < len) {
			this.chars = new char[Math.max(len, this.chars.length * 2)];
			this.charBuffer = CharBuffer.wrap(this.chars);
		}
		this.malformed = 0;
		return this.utf8 ? utf8(bytes, from, to) : other(bytes, from, to);
	}

	private int utf8(byte[] in, int from, int to) {
		char[] out = this.chars;
		int n = 0;
		int p = from;
		while (p < to) {
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
			this.malformed++;
			out[n++] = '\uFFFD';
			p++;
			while (p < to && (in[p] & 0xC0) == 0x80) {
				p++;
			}
		}
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
		while (true) {
			CoderResult result = this.decoder.decode(bytes, out, true);
			if (result.isError()) {
				this.malformed++;
				bytes.position(bytes.position() + result.length());
				out.put('\uFFFD');
				continue;
			}
			break;
		}
		this.decoder.flush(out);
		return out.position();
	}

}
