package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.anyBytes;
import static cn.outbound.testing.Seeded.anyString;
import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one decoder ({@link CellDecoder}, and {@link CharSource} over it) does what the two decoders it replaced did
 * ({@link LegacyCellDecoder} and {@link LegacyCharSource}, kept unchanged from before the merge): the same characters
 * and the same count of malformed sequences, on valid UTF-8, on invalid bytes, on GBK text (read as GB18030), and with
 * multi-byte sequences split across the stream's read boundaries. Where the old stream decoder's answer depended on
 * where the reads fell (a malformed sequence whose continuation bytes ran on past a read), the new one gives the
 * answer of decoding the whole input at once, which is the old cell decoder's.
 */
@ExtendWith(Seeded.Replay.class)
class DecoderProperties {

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** Decoded characters and the count of malformed sequences. */
	record Decoded(String text, long malformed) {
	}

	/**
	 * First edge cases (nothing, ASCII, two- to four-byte forms, cut and stray bytes, overlong forms, surrogates,
	 * beyond U+10FFFF, long runs of continuation bytes), then random UTF-8 text, text with one byte changed or cut
	 * short, and random bytes; each read 1 to 9 bytes at a time or in larger reads.
	 */
	static Stream<Arguments> utf8() {
		List<Arguments> edges = new ArrayList<>();
		for (String hex : List.of("", "61", "c3a9", "e4b8ad", "f09f9880", "80", "e4b8", "61e4b8", "c080", "eda080",
				"f4908080", "ff", "fe", "c1bf", "f0", "e4b8ade6", "f09f9880f09f98", "efbfbd", "c3" + "80".repeat(20),
				"ff" + "bf".repeat(12) + "61", "e4b8ad".repeat(50) + "ff")) {
			byte[] bytes = HexFormat.of().parseHex(hex);
			for (int chunk : new int[] { 1, 2, 3, 9, 1 << 20 }) {
				edges.add(edge("bytes " + hex + ", reads of " + chunk, bytes, chunk));
			}
		}
		return Seeded.cases(3_000_000, 400, edges, r -> args(bytes(r), chunk(r)));
	}

	@ParameterizedTest
	@MethodSource("utf8")
	void utf8IsDecodedAsBothOldDecodersDid(byte[] bytes, int chunk) {
		Decoded whole = cell(new CellDecoder(StandardCharsets.UTF_8), bytes);
		Decoded oldWhole = legacyCell(bytes, StandardCharsets.UTF_8);
		// a cell: exactly as the old cell decoder
		assertThat(whole).isEqualTo(oldWhole);
		// a stream, read in any chunks: the same as the whole input at once
		Decoded streamed = stream(bytes, StandardCharsets.UTF_8, chunk);
		assertThat(streamed).isEqualTo(whole);
		// and as the old stream decoder, wherever its answer did not depend on where the reads fell
		Decoded oldStreamed = legacyStream(bytes, StandardCharsets.UTF_8, chunk);
		if (oldStreamed.equals(legacyStream(bytes, StandardCharsets.UTF_8, 1 << 20))) {
			assertThat(streamed).isEqualTo(oldStreamed);
		}
		// valid UTF-8 is decoded as the JDK decodes it, with nothing counted
		if (isValidUtf8(bytes)) {
			assertThat(whole).isEqualTo(new Decoded(new String(bytes, StandardCharsets.UTF_8), 0));
		}
		else {
			assertThat(whole.malformed()).isPositive();
		}
	}

	/**
	 * GBK text (encoded as GBK, read as its superset GB18030), sometimes with a byte changed or cut short, and random
	 * bytes; read in any chunks.
	 */
	static Stream<Arguments> gbk() {
		List<Arguments> edges = new ArrayList<>();
		for (String hex : List.of("", "d5c5cdb0", "d5c5", "d5", "80", "ff", "d5c5cdb0d5", "8130", "81308130")) {
			byte[] bytes = HexFormat.of().parseHex(hex);
			for (int chunk : new int[] { 1, 3, 1 << 20 }) {
				edges.add(edge("bytes " + hex + ", reads of " + chunk, bytes, chunk));
			}
		}
		return Seeded.cases(4_000_000, 300, edges, r -> {
			byte[] bytes;
			if (r.nextInt(4) == 0) {
				bytes = anyBytes(r);
			}
			else {
				bytes = chinese(r).getBytes(Charset.forName("GBK"));
				if (bytes.length > 0 && r.nextBoolean()) {
					bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
				}
				else if (bytes.length > 0 && r.nextBoolean()) {
					bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length));
				}
			}
			return args(bytes, chunk(r));
		});
	}

	@ParameterizedTest
	@MethodSource("gbk")
	void gbkIsDecodedAsBothOldDecodersDid(byte[] bytes, int chunk) {
		Decoded whole = cell(new CellDecoder(GB18030), bytes);
		assertThat(whole).isEqualTo(legacyCell(bytes, GB18030));
		Decoded streamed = stream(bytes, GB18030, chunk);
		assertThat(streamed).isEqualTo(legacyStream(bytes, GB18030, chunk));
		assertThat(streamed).isEqualTo(whole);
	}

	@ParameterizedTest
	@MethodSource("gbk")
	void validGbkTextIsDecodedAsTheJdkDecodesIt(byte[] bytes, int chunk) {
		String jdk = new String(bytes, GB18030);
		if (!jdk.contains("\uFFFD")) {
			assertThat(stream(bytes, GB18030, chunk)).isEqualTo(new Decoded(jdk, 0));
		}
	}

	/** Random bytes, valid UTF-8 text, or text with one byte changed, cut short or followed by continuation bytes. */
	private static byte[] bytes(SplittableRandom r) {
		switch (r.nextInt(4)) {
			case 0:
				return anyBytes(r);
			case 1:
				return anyString(r).getBytes(StandardCharsets.UTF_8);
			default:
				byte[] bytes = (r.nextBoolean() ? chinese(r) : anyString(r)).getBytes(StandardCharsets.UTF_8);
				if (bytes.length == 0) {
					return bytes;
				}
				int at = r.nextInt(bytes.length);
				switch (r.nextInt(3)) {
					case 0 -> bytes[at] = (byte) r.nextInt(256);
					case 1 -> bytes = Arrays.copyOf(bytes, at);
					default -> {
						// a bad lead byte and a long run of continuation bytes: they cross read boundaries
						byte[] run = new byte[between(r, 1, 12)];
						Arrays.fill(run, (byte) (0x80 | r.nextInt(0x40)));
						byte[] out = new byte[bytes.length + 1 + run.length];
						System.arraycopy(bytes, 0, out, 0, at);
						out[at] = (byte) 0xFF;
						System.arraycopy(run, 0, out, at + 1, run.length);
						System.arraycopy(bytes, at, out, at + 1 + run.length, bytes.length - at);
						bytes = out;
					}
				}
				return bytes;
		}
	}

	private static String chinese(SplittableRandom r) {
		StringBuilder sb = new StringBuilder();
		int n = between(r, 0, 40);
		for (int i = 0; i < n; i++) {
			sb.append(r.nextInt(5) == 0 ? (char) between(r, 0x20, 0x7E) : (char) between(r, 0x4E00, 0x9FA5));
		}
		return sb.toString();
	}

	private static int chunk(SplittableRandom r) {
		return r.nextInt(5) == 0 ? 1 << 20 : between(r, 1, 9);
	}

	private static boolean isValidUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

	private static Decoded cell(CellDecoder decoder, byte[] bytes) {
		int n = decoder.decode(bytes, 0, bytes.length);
		return new Decoded(new String(decoder.chars(), 0, n), decoder.malformed());
	}

	private static Decoded legacyCell(byte[] bytes, Charset charset) {
		LegacyCellDecoder decoder = new LegacyCellDecoder(charset);
		int n = decoder.decode(bytes, 0, bytes.length);
		return new Decoded(new String(decoder.chars(), 0, n), decoder.malformed());
	}

	private static Decoded stream(byte[] bytes, Charset charset, int chunk) {
		CharSource source = new CharSource(chunked(bytes, chunk), charset, new byte[0], 0, 0);
		StringBuilder sb = new StringBuilder();
		while (source.fill()) {
			sb.append(source.buf, source.pos, source.limit - source.pos);
		}
		return new Decoded(sb.toString(), source.malformed);
	}

	private static Decoded legacyStream(byte[] bytes, Charset charset, int chunk) {
		LegacyCharSource source = new LegacyCharSource(chunked(bytes, chunk), charset, new byte[0], 0, 0);
		StringBuilder sb = new StringBuilder();
		while (source.fill()) {
			sb.append(source.buf, source.pos, source.limit - source.pos);
		}
		return new Decoded(sb.toString(), source.malformed);
	}

	private static InputStream chunked(byte[] bytes, int chunk) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, chunk));
			}

		};
	}

}
