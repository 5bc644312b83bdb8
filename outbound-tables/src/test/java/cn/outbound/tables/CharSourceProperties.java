package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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

@ExtendWith(Seeded.Replay.class)
class CharSourceProperties {

	/** First texts of one to four UTF-8 bytes a character (and a lone surrogate), then any text; read 1 to 9 bytes at a time. */
	static Stream<Arguments> texts() {
		List<Arguments> edges = new ArrayList<>();
		for (String text : List.of("", "a", "é", "中", "😀", "a中😀é\u0000\uffff\ud800", "中".repeat(40), "😀".repeat(30))) {
			edges.add(edge(text.length() + " UTF-16 units, reads of 1", text, 1));
			edges.add(edge(text.length() + " UTF-16 units, reads of 9", text, 9));
		}
		return Seeded.cases(1_000_000, 300, edges, r -> args(anyString(r), between(r, 1, 9)));
	}

	@ParameterizedTest
	@MethodSource("texts")
	void utf8DecodingMatchesTheJdkAcrossAnyChunking(String text, int chunk) {
		String valid = text.codePoints()
			.filter(cp -> cp < 0xD800 || cp > 0xDFFF)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
		assertThat(decode(bytes, chunk)).isEqualTo(valid);
	}

	/**
	 * First no bytes and malformed sequences (a stray continuation byte, a character cut off at the end, an overlong
	 * NUL, an encoded surrogate, beyond U+10FFFF, bytes that never lead) and a well-formed U+FFFD; then, half each, random bytes and well-formed
	 * UTF-8 with one byte changed or cut short, so that both branches of the property are tried often.
	 */
	static Stream<Arguments> byteStrings() {
		List<Arguments> edges = new ArrayList<>();
		for (String hex : List.of("", "80", "e4b8", "61e4b8", "c080", "eda080", "f4908080", "ff", "fe", "c1bf", "f0",
				"e4b8ade6", "f09f9880f09f98", "efbfbd")) {
			byte[] bytes = HexFormat.of().parseHex(hex);
			edges.add(edge("bytes " + hex + ", reads of 1", bytes, 1));
			edges.add(edge("bytes " + hex + ", reads of 9", bytes, 9));
		}
		return Seeded.cases(2_000_000, 300, edges, r -> {
			byte[] bytes;
			if (r.nextBoolean()) {
				bytes = anyBytes(r);
			}
			else {
				bytes = anyString(r).getBytes(StandardCharsets.UTF_8);
				if (bytes.length > 0 && r.nextBoolean()) {
					bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
				}
				else if (bytes.length > 0) {
					bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length));
				}
			}
			return args(bytes, between(r, 1, 9));
		});
	}

	@ParameterizedTest
	@MethodSource("byteStrings")
	void malformedBytesBecomeReplacementsAndAreCounted(byte[] bytes, int chunk) {
		CharSource source = source(bytes, chunk);
		StringBuilder sb = new StringBuilder();
		while (source.fill()) {
			sb.append(source.buf, source.pos, source.limit - source.pos);
		}
		// same text wherever the JDK's strict decoder finds no error; errors counted (a well-formed U+FFFD is no error)
		String jdk;
		try {
			jdk = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			jdk = null;
		}
		if (jdk != null) {
			assertThat(sb.toString()).isEqualTo(jdk);
			assertThat(source.malformed).isZero();
		}
		else {
			assertThat(source.malformed).isPositive();
		}
	}

	private static String decode(byte[] bytes, int chunk) {
		CharSource source = source(bytes, chunk);
		StringBuilder sb = new StringBuilder();
		while (source.fill()) {
			sb.append(source.buf, source.pos, source.limit - source.pos);
		}
		assertThat(source.malformed).isZero();
		return sb.toString();
	}

	private static CharSource source(byte[] bytes, int chunk) {
		InputStream in = new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, chunk));
			}
		};
		return new CharSource(in, StandardCharsets.UTF_8, new byte[0], 0, 0);
	}

}
