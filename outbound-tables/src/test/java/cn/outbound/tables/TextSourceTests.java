package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value here is synthetic. */
class TextSourceTests {

	private static final String TRICKY = "姓名,手机,备注\r\n" + "张伟,13812345678,\"第一行\n第二行\"\r\n" + "\r\n"
			+ "王芳,\"139\"\"1234\"\"5678\",\"a,b\"\n" + "李娜,13712345678\n" + "赵强,13612345678,x,extra\n"
			+ "孙丽,\"13512345678\"x,end";

	@Test
	void rowsReadFromBlocksAreTheCharacterReadersRows() throws IOException {
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
			byte[] bytes = TRICKY.getBytes(charset);
			List<String> expected = new ArrayList<>();
			try (TableReader reader = TableReader.open(new ByteArrayInputStream(bytes), "t.csv")) {
				expected.add(reader.header().toString());
				while (reader.next()) {
					expected.add(row(reader.rowNumber(), reader.cells()));
				}
				reader.problems().first().forEach(p -> expected.add(p.toString()));
			}
			List<String> actual = new ArrayList<>();
			try (TextSource source = new TextSource(new ByteArrayInputStream(bytes), "t.csv")) {
				assertThat(source.blocks()).isNotNull();
				source.read(new RowSink() {
					@Override
					public void header(List<String> names) {
						actual.add(names.toString());
					}

					@Override
					public void row(long number, Cells cells) {
						actual.add(TextSourceTests.row(number, cells));
					}
				});
				source.problems().first().forEach(p -> actual.add(p.toString()));
			}
			assertThat(actual).as(charset.name()).isEqualTo(expected).hasSizeGreaterThan(8);
		}
	}

	private static String row(long number, Cells cells) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			values.add(cells.string(i));
		}
		return number + " " + values;
	}

}
