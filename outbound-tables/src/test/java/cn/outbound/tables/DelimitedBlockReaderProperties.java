package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.pick;
import static cn.outbound.testing.Seeded.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level block reader gives the same header, rows, cells, line numbers and problems as
 * the character reader, wherever the blocks and the stream's reads are cut.
 */
@ExtendWith(Seeded.Replay.class)
class DelimitedBlockReaderProperties {

	/** Quotes, delimiters, both line breaks, blanks, ideographs (two and three bytes in UTF-8). */
	private static final String ALPHABET = "ab1,,;|\"\"\"\n\n\r 张伟\u00e9";

	private static final String[] HEADERS = { "a,b,c\n", "姓名,手机,备注\r\n", "\n\nx,\"y\",z\n", "a|b|c\n", "a;b\n",
			"\"h,1\",h2\n", "one\n" };

	/** Bodies for the edge cases: none, an open quote, a lone CR, blank lines, a ragged row, an ideograph cut by a block. */
	private static final String[] EDGE_BODIES = { "", "\"", "\r", "\n\n", "1,2,3,4\n5", "张伟张伟张伟张伟张伟张伟,\"a\"\"b\"\n" };

	/** A header, then up to 300 characters of the alphabet. */
	static String table(SplittableRandom r) {
		return pick(r, HEADERS) + string(r, ALPHABET, 0, 300);
	}

	/**
	 * First every header with every edge body, in the smallest and largest blocks, read one byte and seven bytes at a
	 * time; then random tables, blocks of 8 to 64 bytes, reads of 1 to 7 bytes.
	 */
	static Stream<Arguments> tables() {
		List<Arguments> edges = new ArrayList<>();
		for (int h = 0; h < HEADERS.length; h++) {
			for (int b = 0; b < EDGE_BODIES.length; b++) {
				for (int[] sizes : new int[][] { { 8, 1 }, { 64, 7 } }) {
					edges.add(edge("header " + h + ", body " + b + ", block " + sizes[0] + ", chunk " + sizes[1],
							HEADERS[h] + EDGE_BODIES[b], sizes[0], sizes[1]));
				}
			}
		}
		return Seeded.cases(1_000_000, 1000, edges, r -> args(table(r), between(r, 8, 64), between(r, 1, 7)));
	}

	@ParameterizedTest
	@MethodSource("tables")
	void blocksGiveTheSameRowsAsTheCharacterReader(String text, int blockBytes, int chunk) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		assertThat(viaBlocks(bytes, blockBytes, chunk)).isEqualTo(viaRows(bytes));
	}

	/** First every header with every edge body in blocks of 8 and 64 bytes; then random tables, blocks of 8 to 64 bytes. */
	static Stream<Arguments> gbkTables() {
		List<Arguments> edges = new ArrayList<>();
		for (int h = 0; h < HEADERS.length; h++) {
			for (int b = 0; b < EDGE_BODIES.length; b++) {
				for (int block : new int[] { 8, 64 }) {
					edges.add(edge("header " + h + ", body " + b + ", block " + block, HEADERS[h] + EDGE_BODIES[b], block));
				}
			}
		}
		return Seeded.cases(2_000_000, 300, edges, r -> args(table(r), between(r, 8, 64)));
	}

	@ParameterizedTest
	@MethodSource("gbkTables")
	void gbkBlocksGiveTheSameRowsAsTheCharacterReader(String text, int blockBytes) throws IOException {
		// enough GBK text up front that the sniffing window is not valid UTF-8
		byte[] bytes = ("编号,名称\n1,\"张伟,王芳\"\n" + text.replace("\u00e9", "")).getBytes(Charset.forName("GBK"));
		assertThat(viaBlocks(bytes, blockBytes, 3)).isEqualTo(viaRows(bytes));
	}

	/** Header, rows with their line numbers, problems and charset, as the character reader reads them. */
	static List<String> viaRows(byte[] bytes) throws IOException {
		List<String> out = new ArrayList<>();
		try (TableReader reader = TableReader.open(new ByteArrayInputStream(bytes), "t.csv")) {
			out.add("charset " + reader.charset().name() + ", delimiter " + reader.delimiter());
			out.add("header " + reader.header());
			while (reader.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < reader.header().size(); i++) {
					cells.add(reader.cells().string(i));
				}
				out.add("line " + reader.rowNumber() + " " + cells);
			}
			for (TableProblem p : reader.problems().first()) {
				out.add(p.toString());
			}
		}
		catch (TableFormatException ex) {
			out.add("refused: " + ex.getMessage());
		}
		return out;
	}

	static List<String> viaBlocks(byte[] bytes, int blockBytes, int chunk) throws IOException {
		List<String> out = new ArrayList<>();
		InputStream in = new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, chunk));
			}
		};
		try {
			TableReader.Opened opened = TableReader.openBlocksOrRows(in, "t.csv", blockBytes);
			assertThat(opened.blocks()).as("read as blocks").isNotNull();
			try (DelimitedBlockReader reader = opened.blocks()) {
				out.add("charset " + reader.charset().name() + ", delimiter " + reader.delimiter());
				out.add("header " + reader.header());
				RowBlock block = reader.newBlock();
				CellDecoder decoder = reader.newDecoder();
				long expectedIndex = 0;
				long rows = 0;
				while (reader.next(block)) {
					assertThat(block.index()).isEqualTo(expectedIndex++);
					assertThat(block.firstRow()).isEqualTo(rows);
					rows += block.rows();
					for (int r = 0; r < block.rows(); r++) {
						List<String> cells = new ArrayList<>();
						for (int c = 0; c < block.width(); c++) {
							int n = decoder.decode(block, block.cell(r, c));
							cells.add(new String(decoder.chars(), 0, n));
						}
						out.add("line " + block.line(r) + " " + cells);
					}
					reader.commit(block.problems(), List.of());
				}
				for (TableProblem p : reader.problems().first()) {
					out.add(p.toString());
				}
			}
		}
		catch (TableFormatException ex) {
			out.add("refused: " + ex.getMessage());
		}
		return out;
	}

}
