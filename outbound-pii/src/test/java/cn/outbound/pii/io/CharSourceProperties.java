package cn.outbound.pii.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class CharSourceProperties {

	@Property(tries = 300)
	void utf8DecodingMatchesTheJdkAcrossAnyChunking(@ForAll String text, @ForAll @IntRange(min = 1, max = 9) int chunk) {
		String valid = text.codePoints()
			.filter(cp -> cp < 0xD800 || cp > 0xDFFF)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
		assertThat(decode(bytes, chunk)).isEqualTo(valid);
	}

	@Property(tries = 300)
	void malformedBytesBecomeReplacementsAndAreCounted(@ForAll byte[] bytes, @ForAll @IntRange(min = 1, max = 9) int chunk) {
		CharSource source = source(bytes, chunk);
		StringBuilder sb = new StringBuilder();
		while (source.fill()) {
			sb.append(source.buf, source.pos, source.limit - source.pos);
		}
		String jdk = new String(bytes, StandardCharsets.UTF_8);
		// same text wherever the JDK found no error; errors counted
		if (!jdk.contains("\uFFFD")) {
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
