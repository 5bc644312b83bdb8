package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every reader stops at each {@link ReadLimits} limit: a table exactly at a limit is read, one
 * over it is refused with a {@link ReadLimitException} naming the limit and the value allowed.
 * The delimited cases run on both the character reader ({@link DelimitedReader}) and the byte
 * reader ({@link DelimitedBlockReader}).
 */
class ReadLimitsTests {

	private static final ReadLimits SMALL = new ReadLimits(4, 20, 6, 10, 40, 3);

	@Test // #9
	void columnsAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertReadByBoth("a,b,c,d\n1,2,3,4\n", SMALL, 1);
		assertRefusedByBoth("a,b,c,d,e\n1,2,3,4,5\n", SMALL, ReadLimits.Limit.COLUMNS, 4);
	}

	@Test // #9
	void headerBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		ReadLimits limits = SMALL.withCellBytes(20);
		// 20 bytes: "aaaaaaaaa,bbbbbbbbbb"
		assertReadByBoth("aaaaaaaaa,bbbbbbbbbb\n1,2\n", limits, 1);
		assertRefusedByBoth("aaaaaaaaaa,bbbbbbbbbb\n1,2\n", limits, ReadLimits.Limit.HEADER_BYTES, 20);
	}

	@Test // #9
	void cellsPerRowAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		// a ragged row of six cells is read (and counted as a problem); seven is refused
		assertReadByBoth("a,b\n1,2,3,4,5,6\n", SMALL, 1);
		assertRefusedByBoth("a,b\n1,2\n1,2,3,4,5,6,7\n", SMALL, ReadLimits.Limit.CELLS_PER_ROW, 6);
	}

	@Test // #9
	void cellBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertReadByBoth("a,b\n1," + "x".repeat(10) + "\n", SMALL, 1);
		assertRefusedByBoth("a,b\n1," + "x".repeat(11) + "\n", SMALL, ReadLimits.Limit.CELL_BYTES, 10);
		// quoted and unescaped: the cell's size is that of its text
		assertReadByBoth("a,b\n1,\"" + "x\"\"".repeat(5) + "\"\n", SMALL, 1);
		assertRefusedByBoth("a,b\n1,\"" + "x".repeat(9) + "\"\"\"\"\"\n", SMALL, ReadLimits.Limit.CELL_BYTES, 10);
	}

	@Test // #9
	void recordBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		ReadLimits limits = new ReadLimits(6, 20, 6, 40, 20, 3);
		// 20 bytes of record: cells and the delimiters between them
		assertReadByBoth("a,b,c,d\n" + "12345,1234,1234,1234\n", limits, 1);
		assertRefusedByBoth("a,b,c,d\n" + "12345,12345,1234,1234\n", limits, ReadLimits.Limit.RECORD_BYTES, 20);
		assertRefusedByBoth("a,b,c,d\n" + "\"" + "x".repeat(40) + "\"\n", limits, ReadLimits.Limit.RECORD_BYTES, 20);
	}

	@Test // #9
	void aQuoteLeftOpenStopsAtTheRecordLimitNotAtTheEndOfTheFile() {
		String open = "a,b\n1,\"" + "x,y\n".repeat(10_000) + "\n";
		assertRefusedByBoth(open, ReadLimits.DEFAULT.withRecordBytes(1000).withCellBytes(1 << 20),
				ReadLimits.Limit.RECORD_BYTES, 1000);
	}

	@Test // #9
	void theDefaultsAllow4096ColumnsAndRefuse4097() throws IOException {
		assertReadByBoth(row(4096) + row(4096), ReadLimits.DEFAULT, 1);
		assertRefusedByBoth(row(4097) + row(4097), ReadLimits.DEFAULT, ReadLimits.Limit.COLUMNS, 4096);
	}

	@Test // #9
	void aHeaderOfMillionsOfColumnsIsRefusedAtTheLimitWithoutReadingOn() {
		// the attack of issue #9 in small: 'a,a,a,…' (4 MB here, 20 MB there), a header only
		String header = "a,".repeat(2_000_000) + "a\n";
		long start = System.nanoTime();
		assertRefusedByBoth(header, ReadLimits.DEFAULT, ReadLimits.Limit.COLUMNS, 4096);
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
	}

	@Test // #9
	void aHugeHeaderCellIsRefusedAtTheHeaderLimit() {
		assertRefusedByBoth("x".repeat((1 << 20) + 1) + "\n1\n", ReadLimits.DEFAULT, ReadLimits.Limit.HEADER_BYTES,
				1 << 20);
	}

	@Test // #9
	void jsonLinesKeysAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertJsonRead("{\"a\":1,\"b\":2}\n{\"c\":3,\"d\":4}\n", SMALL);
		assertJsonRefused("{\"a\":1,\"b\":2}\n{\"c\":3,\"d\":4,\"e\":5}\n", SMALL, ReadLimits.Limit.COLUMNS, 4);
	}

	@Test // #9
	void jsonLinesKeysPerLineAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		ReadLimits limits = SMALL.withColumns(100).withRecordBytes(200);
		assertJsonRead("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}\n", limits);
		assertJsonRefused("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7}\n", limits,
				ReadLimits.Limit.CELLS_PER_ROW, 6);
	}

	@Test // #9
	void jsonLinesKeyNamesTogetherAtTheHeaderLimitAreReadOneMoreIsRefused() throws IOException {
		// keys and one separator between each two: "aaaaaaaaa" + 1 + "bbbbbbbbbb" = 20
		ReadLimits limits = SMALL.withRecordBytes(200);
		assertJsonRead("{\"aaaaaaaaa\":1,\"bbbbbbbbbb\":2}\n", limits);
		assertJsonRefused("{\"aaaaaaaaaa\":1,\"bbbbbbbbbb\":2}\n", limits, ReadLimits.Limit.HEADER_BYTES, 20);
	}

	@Test // #9
	void jsonLinesValueBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertJsonRead("{\"a\":\"" + "x".repeat(10) + "\"}\n", SMALL);
		assertJsonRefused("{\"a\":\"" + "x".repeat(11) + "\"}\n", SMALL, ReadLimits.Limit.CELL_BYTES, 10);
	}

	@Test // #9
	void jsonLinesLineBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		ReadLimits limits = SMALL.withCellBytes(40);
		String at = "{\"a\":\"" + "x".repeat(32) + "\"}"; // 40 characters
		assertThat(at).hasSize(40);
		assertJsonRead(at + "\n", limits);
		assertJsonRefused("{\"a\":\"" + "x".repeat(33) + "\"}\n", limits, ReadLimits.Limit.RECORD_BYTES, 40);
	}

	@Test // #9
	void jsonLinesNestingAtTheLimitIsReadOneMoreIsRefused() throws IOException {
		assertJsonRead("{\"a\":[[[1]]]}\n", SMALL);
		assertJsonRefused("{\"a\":[[[[1]]]]}\n", SMALL, ReadLimits.Limit.JSON_DEPTH, 3);
		// by default 64 levels, and a line far deeper is refused, not overflowing any stack
		String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n";
		assertJsonRefused(deep, ReadLimits.DEFAULT, ReadLimits.Limit.JSON_DEPTH, 64);
	}

	@Test // #9
	void theMessageNamesTheFileTheLimitAndTheValueAllowed() {
		assertThatExceptionOfType(ReadLimitException.class)
			.isThrownBy(() -> TableReader.open(in("a,b,c,d,e\n"), "wide.csv", SMALL))
			.withMessage("wide.csv: the header is over the limit columns (at most 4 columns); the file was not read")
			.isInstanceOf(TableFormatException.class);
	}

	private static String row(int columns) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < columns; i++) {
			sb.append(i > 0 ? "," : "").append('c').append(i);
		}
		return sb.append('\n').toString();
	}

	private static void assertReadByBoth(String text, ReadLimits limits, int atLeastRows) throws IOException {
		assertThat(viaRows(text, limits)).as("rows").hasSizeGreaterThanOrEqualTo(atLeastRows);
		assertThat(viaBlocks(text, limits)).as("blocks").isEqualTo(viaRows(text, limits));
	}

	private static void assertRefusedByBoth(String text, ReadLimits limits, ReadLimits.Limit limit, long allowed) {
		assertThatExceptionOfType(ReadLimitException.class).as("rows").isThrownBy(() -> viaRows(text, limits))
			.satisfies(ex -> {
				assertThat(ex.limit()).isEqualTo(limit);
				assertThat(ex.allowed()).isEqualTo(allowed);
				assertThat(ex.getMessage()).contains("limit " + limit.key() + " (at most " + allowed);
			});
		assertThatExceptionOfType(ReadLimitException.class).as("blocks").isThrownBy(() -> viaBlocks(text, limits))
			.satisfies(ex -> {
				assertThat(ex.limit()).isEqualTo(limit);
				assertThat(ex.allowed()).isEqualTo(allowed);
			});
	}

	private static void assertJsonRead(String text, ReadLimits limits) throws IOException {
		try (TableReader reader = TableReader.open(in(text), "t.jsonl", limits)) {
			while (reader.next()) {
				assertThat(reader.cells().size()).isEqualTo(reader.header().size());
			}
			assertThat(reader.rowsRead()).isPositive();
		}
	}

	private static void assertJsonRefused(String text, ReadLimits limits, ReadLimits.Limit limit, long allowed) {
		assertThatExceptionOfType(ReadLimitException.class).isThrownBy(() -> {
			try (TableReader reader = TableReader.open(in(text), "t.jsonl", limits)) {
				while (reader.next()) {
					// read to the end
				}
			}
		}).satisfies(ex -> {
			assertThat(ex.limit()).isEqualTo(limit);
			assertThat(ex.allowed()).isEqualTo(allowed);
		});
	}

	/** Rows as the character reader gives them (the header first). */
	static List<String> viaRows(String text, ReadLimits limits) throws IOException {
		List<String> out = new ArrayList<>();
		try (TableReader reader = TableReader.open(in(text), "t.csv", limits)) {
			out.add(String.join("|", reader.header()));
			while (reader.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < reader.header().size(); i++) {
					cells.add(reader.cells().string(i));
				}
				out.add(String.join("|", cells));
			}
		}
		return out;
	}

	/** Rows as the byte reader gives them, in small blocks. */
	static List<String> viaBlocks(String text, ReadLimits limits) throws IOException {
		List<String> out = new ArrayList<>();
		TableReader.Opened opened = TableReader.openBlocksOrRows(in(text), "t.csv", limits);
		assertThat(opened.blocks()).isNotNull();
		try (DelimitedBlockReader reader = opened.blocks()) {
			out.add(String.join("|", reader.header()));
			RowBlock block = reader.newBlock();
			CellDecoder decoder = reader.newDecoder();
			while (reader.next(block)) {
				for (int r = 0; r < block.rows(); r++) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < block.width(); c++) {
						int cell = block.cell(r, c);
						int n = decoder.decode(block, cell);
						cells.add(new String(decoder.chars(), 0, n));
					}
					out.add(String.join("|", cells));
				}
			}
		}
		return out;
	}

	private static InputStream in(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
