package cn.outbound.pii.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level block reader gives the same header, rows, cells, line numbers and problems as
 * the character reader, wherever the blocks and the stream's reads are cut.
 */
class DelimitedBlockReaderProperties {

	/** Quotes, delimiters, both line breaks, blanks, ideographs (two and three bytes in UTF-8). */
	private static final char[] ALPHABET = "ab1,,;|\"\"\"\n\n\r 张伟\u00e9".toCharArray();

	@Provide
	Arbitrary<String> tables() {
		Arbitrary<String> header = Arbitraries.of("a,b,c\n", "姓名,手机,备注\r\n", "\n\nx,\"y\",z\n", "a|b|c\n", "a;b\n",
				"\"h,1\",h2\n", "one\n");
		Arbitrary<String> body = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(300);
		return net.jqwik.api.Combinators.combine(header, body).as((h, b) -> h + b);
	}

	@Property(tries = 1000)
	void blocksGiveTheSameRowsAsTheCharacterReader(@ForAll("tables") String text,
			@ForAll @IntRange(min = 8, max = 64) int blockBytes, @ForAll @IntRange(min = 1, max = 7) int chunk)
			throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		assertThat(viaBlocks(bytes, blockBytes, chunk)).isEqualTo(viaRows(bytes));
	}

	@Property(tries = 300)
	void gbkBlocksGiveTheSameRowsAsTheCharacterReader(@ForAll("tables") String text,
			@ForAll @IntRange(min = 8, max = 64) int blockBytes) throws IOException {
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
