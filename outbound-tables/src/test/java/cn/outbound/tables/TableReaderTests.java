package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableReaderTests {

	// All names, numbers and addresses below are synthetic test data.

	@TempDir
	Path dir;

	@Test
	void readsGbkFile() throws IOException {
		Path file = this.dir.resolve("customers.csv");
		Files.writeString(file, "姓名,身份证号,地址\n张伟,11010519491231002X,天津市和平区\n王秀英,110105491231002,北京市朝阳区\n",
				Charset.forName("GBK"));
		try (TableReader reader = TableReader.open(file)) {
			assertThat(reader.charset().name()).isEqualTo("GB18030");
			assertThat(reader.header()).containsExactly("姓名", "身份证号", "地址");
			List<Row> rows = all(reader);
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).cells()).containsExactly("张伟", "11010519491231002X", "天津市和平区");
			assertThat(rows.get(1).number()).isEqualTo(3);
			assertThat(reader.problems().isEmpty()).isTrue();
		}
	}

	@Test
	void readsUtf8WithByteOrderMark() throws IOException {
		byte[] body = "\uFEFF姓名;电话\r\n张伟;13812345678\r\n".getBytes(StandardCharsets.UTF_8);
		try (TableReader reader = TableReader.open(new ByteArrayInputStream(body), "bom.csv")) {
			assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(reader.delimiter()).isEqualTo(';');
			assertThat(reader.header()).containsExactly("姓名", "电话");
			assertThat(all(reader)).singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("张伟", "13812345678"));
		}
	}

	@Test
	void handlesQuotedFields() throws IOException {
		String csv = "name,note,city\n" + "\"Zhang, Wei\",\"said \"\"hi\"\"\",Tianjin\n"
				+ "\"Wang\",\"two\nlines\",\"\"\n" + "Li,,\"x\"\n";
		try (TableReader reader = open(csv, "q.csv")) {
			List<Row> rows = all(reader);
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).cells()).containsExactly("Zhang, Wei", "said \"hi\"", "Tianjin");
			assertThat(rows.get(1).cells()).containsExactly("Wang", "two\nlines", "");
			assertThat(rows.get(2).cells()).containsExactly("Li", "", "x");
			assertThat(rows.get(2).number()).isEqualTo(5);
			assertThat(reader.problems().isEmpty()).isTrue();
		}
	}

	@Test
	void countsRaggedRowsWithTheirLineNumbers() throws IOException {
		String csv = "a,b,c\n1,2,3\n1,2\n\n1,2,3,4\n1,2,3\n";
		try (TableReader reader = open(csv, "ragged.csv")) {
			List<Row> rows = all(reader);
			assertThat(rows).hasSize(4);
			assertThat(rows.get(1).cells()).containsExactly("1", "2", "");
			assertThat(rows.get(2).cells()).containsExactly("1", "2", "3");
			assertThat(reader.problems().count(TableProblem.Kind.RAGGED_ROW)).isEqualTo(2);
			assertThat(reader.problems().first()).extracting(TableProblem::row).containsExactly(3L, 5L);
		}
	}

	@Test
	void sniffsTabsAndPipes() throws IOException {
		try (TableReader reader = open("a\tb\n天津市,和平区\t2\nx\ty\n", "t.txt")) {
			assertThat(reader.delimiter()).isEqualTo('\t');
			assertThat(all(reader).get(0).cells()).containsExactly("天津市,和平区", "2");
		}
		try (TableReader reader = open("a|b|c\n1|2|3\n", "p.txt")) {
			assertThat(reader.delimiter()).isEqualTo('|');
		}
	}

	@Test
	void readsJsonLinesWithTheUnionOfTheirKeys() throws IOException {
		String jsonl = "{\"name\":\"张伟\",\"age\":30,\"tags\":[1,2],\"x\":null}\n"
				+ "{\"age\":41,\"name\":\"王\\\"秀英\\u0021\"}\n" + "not json\n" + "{\"name\":\"Li\",\"extra\":true}\n";
		try (TableReader reader = open(jsonl, "people.jsonl")) {
			assertThat(reader.format()).isEqualTo(TableFormat.JSON_LINES);
			assertThat(reader.header()).containsExactly("name", "age", "tags", "x", "extra");
			List<Row> rows = all(reader);
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).cells()).containsExactly("张伟", "30", "[1,2]", "", "");
			assertThat(rows.get(1).cells()).containsExactly("王\"秀英!", "41", "", "", "");
			assertThat(rows.get(2).cells()).containsExactly("Li", "", "", "", "true");
			assertThat(rows.get(2).number()).isEqualTo(4);
			assertThat(reader.problems().counts()).containsOnlyKeys(TableProblem.Kind.BAD_JSON_LINE);
			assertThat(reader.problems().first()).singleElement().extracting(TableProblem::row).isEqualTo(3L);
		}
	}

	@Test // QA: {"a":1} first, then lines with "phone": the phone numbers were dropped as UNKNOWN_KEY
	void aKeyMissingFromTheFirstLineBecomesAColumn() throws IOException {
		StringBuilder jsonl = new StringBuilder("{\"a\":1}\n\n");
		for (int i = 0; i < 5; i++) {
			jsonl.append("{\"a\":").append(i).append(",\"phone\":\"1381234567").append(i).append("\"}\r\n");
		}
		jsonl.append("{\"note\":{\"k\":\"v\"},\"a\":9}");
		// standard input cannot be read twice: the reader keeps what it read for its second pass
		InputStream once = new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)) {

			@Override
			public synchronized void reset() {
				throw new AssertionError("read twice");
			}

		};
		try (TableReader reader = TableReader.open(once, "stdin")) {
			assertThat(reader.format()).isEqualTo(TableFormat.JSON_LINES);
			assertThat(reader.header()).containsExactly("a", "phone", "note");
			List<Row> rows = all(reader);
			assertThat(rows).extracting(Row::number).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
			assertThat(rows.get(0).cells()).containsExactly("1", "", "");
			assertThat(rows.get(1).cells()).containsExactly("0", "13812345670", "");
			assertThat(rows.get(6).cells()).containsExactly("9", "", "{\"k\":\"v\"}");
			assertThat(reader.problems().isEmpty()).isTrue();
		}
		try (TableReader reader = open("{}\n{\"email\":\"a@example.com\"}\n", "late.jsonl")) {
			assertThat(reader.header()).containsExactly("email");
			assertThat(all(reader)).extracting(r -> r.cell(0)).containsExactly("", "a@example.com");
		}
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> open("{}\n{}\n", "none.jsonl"))
			.withMessageContaining("no keys");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> open("[1]\n{\"a\":1}\n", "x.jsonl"))
			.withMessageContaining("line 1 is not a JSON object");
	}

	@Test
	void aLargeJsonLinesInputIsKeptOnDiskForTheSecondPassAndRemovedOnClose() throws IOException {
		// more than the 8 MB the reader keeps in memory, with a new key on the last line
		int n = 120_000;
		StringBuilder sb = new StringBuilder(n * 80);
		for (int i = 0; i < n; i++) {
			sb.append("{\"id\":").append(i).append(",\"name\":\"名字").append(i).append("\",\"pad\":\"")
				.append("x".repeat(40)).append("\"}\n");
		}
		sb.append("{\"id\":").append(n).append(",\"email\":\"z@example.com\"}\n");
		byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).isGreaterThan(8 << 20);
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		List<Path> before = spools(tmp);
		TableReader reader = TableReader.open(new ByteArrayInputStream(bytes), "big.jsonl");
		try {
			assertThat(reader.header()).containsExactly("id", "name", "pad", "email");
			assertThat(spools(tmp)).hasSize(before.size() + 1);
			long rows = 0;
			String last = null;
			while (reader.next()) {
				rows++;
				last = reader.cells().string(3);
			}
			assertThat(rows).isEqualTo(n + 1);
			assertThat(last).isEqualTo("z@example.com");
		}
		finally {
			reader.close();
		}
		assertThat(spools(tmp)).hasSameSizeAs(before);
	}

	@Test
	void countsUndecodableBytesInJsonLinesOnce() throws IOException {
		StringBuilder sb = new StringBuilder();
		while (sb.length() < (1 << 20) + 100) {
			sb.append("{\"a\":\"abcdefgh\"}\n");
		}
		byte[] ascii = sb.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] gbk = "{\"a\":\"张伟\"}\n".getBytes(Charset.forName("GBK"));
		byte[] all = new byte[ascii.length + gbk.length];
		System.arraycopy(ascii, 0, all, 0, ascii.length);
		System.arraycopy(gbk, 0, all, ascii.length, gbk.length);
		try (TableReader reader = TableReader.open(new ByteArrayInputStream(all), "late.jsonl")) {
			long rows = 0;
			while (reader.next()) {
				rows++;
			}
			assertThat(rows).isEqualTo(sb.length() / 17 + 1);
			assertThat(reader.problems().count(TableProblem.Kind.UNDECODABLE_BYTES)).isEqualTo(1);
			assertThat(reader.problems().first()).singleElement().extracting(TableProblem::row).matches(r -> r > 1);
		}
	}

	@Test // #9 (keys beyond a thousand used to be counted and dropped; now the column limit refuses the file)
	void keysBeyondTheColumnLimitRefuseTheFile() {
		StringBuilder sb = new StringBuilder("{");
		for (int i = 0; i < ReadLimits.DEFAULT.columns(); i++) {
			sb.append(i > 0 ? "," : "").append("\"k").append(i).append("\":").append(i);
		}
		sb.append("}\n{\"k0\":\"y\",\"beyond\":\"x\"}\n");
		assertThatExceptionOfType(ReadLimitException.class).isThrownBy(() -> open(sb.toString(), "wide.jsonl"))
			.withMessageContaining("limit columns (at most 4096 columns)");
	}

	private static List<Path> spools(Path tmp) throws IOException {
		try (var files = Files.list(tmp)) {
			return files.filter(f -> f.getFileName().toString().startsWith("outbound-jsonl-")).toList();
		}
	}

	@Test
	void rejectsBinaryAndEmptyInputWithAClearMessage() {
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableReader.open(new ByteArrayInputStream(new byte[] { 1, 2, 0, 3 }), "img.png"))
			.withMessageContaining("img.png is not text");
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableReader.open(new ByteArrayInputStream(new byte[0]), "e.csv"))
			.withMessageContaining("empty");
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableReader.open(new ByteArrayInputStream(new byte[] { 'P', 'K', 3, 4, 0 }), "b.xlsx"))
			.withMessageContaining("ZIP");
	}

	@Test
	void countsUndecodableBytesAfterTheSniffingWindow() throws IOException {
		StringBuilder sb = new StringBuilder("a,b\n");
		while (sb.length() < (1 << 20) + 100) {
			sb.append("abcdefgh,ijklmnop\n");
		}
		byte[] ascii = sb.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] gbk = "张伟,x\n".getBytes(Charset.forName("GBK"));
		byte[] all = new byte[ascii.length + gbk.length];
		System.arraycopy(ascii, 0, all, 0, ascii.length);
		System.arraycopy(gbk, 0, all, ascii.length, gbk.length);
		try (TableReader reader = TableReader.open(new ByteArrayInputStream(all), "late.csv")) {
			long rows = 0;
			while (reader.next()) {
				rows++;
			}
			assertThat(rows).isEqualTo(sb.length() / 18 + 1);
			assertThat(reader.problems().count(TableProblem.Kind.UNDECODABLE_BYTES)).isEqualTo(1);
		}
	}

	@Test
	void streamsRowsAcrossBufferBoundariesWithoutCopies() throws IOException {
		int n = 200_000;
		InputStream in = new InputStream() {
			final byte[] header = "id,name,quoted\n".getBytes(StandardCharsets.UTF_8);
			int row = -1;
			byte[] current = this.header;
			int at;

			@Override
			public int read() {
				if (this.at == this.current.length) {
					this.row++;
					if (this.row >= n) {
						return -1;
					}
					this.current = (this.row + ",名字" + this.row + ",\"a,\"\"b\"\"\"\n").getBytes(StandardCharsets.UTF_8);
					this.at = 0;
				}
				return this.current[this.at++] & 0xFF;
			}
		};
		try (TableReader reader = TableReader.open(in, "big.csv")) {
			long count = 0;
			while (reader.next()) {
				Cells cells = reader.cells();
				assertThat(cells.get(0).toString()).isEqualTo(Long.toString(count));
				assertThat(cells.string(2)).isEqualTo("a,\"b\"");
				count++;
			}
			assertThat(count).isEqualTo(n);
			assertThat(reader.problems().isEmpty()).isTrue();
		}
	}

	@Test
	void reportsAnUnterminatedQuote() throws IOException {
		try (TableReader reader = open("a,b\n1,\"open\n2,3\n", "u.csv")) {
			assertThat(all(reader)).hasSize(1);
			assertThat(reader.problems().count(TableProblem.Kind.UNTERMINATED_QUOTE)).isEqualTo(1);
		}
	}

	private static TableReader open(String text, String name) throws IOException {
		return TableReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
	}

	private static List<Row> all(TableReader reader) {
		List<Row> rows = new ArrayList<>();
		reader.forEach(rows::add);
		return rows;
	}

}
