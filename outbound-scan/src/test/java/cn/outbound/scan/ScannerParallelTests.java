package cn.outbound.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.tables.TableProblems;
import cn.outbound.tables.TableReader;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.TextSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report does not depend on how the rows were read or on how many threads worked on them:
 * counts, samples (the first ones in the table), persons, problems and warnings are the same with
 * one thread or several, and the same from the byte blocks as from the character reader. Every
 * value is synthetic.
 */
class ScannerParallelTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@TempDir
	Path dir;

	@Test
	void sameReportWhateverTheThreadsAndTheReader() throws IOException {
		for (long seed : new long[] { 3, 8 }) {
			// about 20,000 rows, 7 MB: several blocks of a megabyte
			LabelledDataset data = new LabelledDataset(seed, 10_000, AS_OF);
			Path file = this.dir.resolve("seed" + seed + ".csv");
			data.writeCsv(file, StandardCharsets.UTF_8);
			ScanReport one = scanBlocks(file, 1);
			assertThat(one.rows()).isEqualTo(data.rows.size());
			assertThat(one.persons().distinct()).isPositive();
			assertThat(scanBlocks(file, 2)).isEqualTo(one);
			assertThat(scanBlocks(file, 5)).isEqualTo(one);
			assertThat(scanRows(file, 1)).isEqualTo(one);
			assertThat(scanRows(file, 3)).isEqualTo(one);
		}
	}

	@Test
	void quotedLineBreaksAcrossBlockBoundaries() throws IOException {
		Path file = this.dir.resolve("notes.csv");
		Random random = new Random(5);
		int rows = 12_000;
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("身份证号,备注,姓名\n");
			for (int i = 0; i < rows; i++) {
				String first17 = "120101" + (1950 + random.nextInt(60)) + "0101" + String.format("%03d", i % 1000);
				String id = first17 + ResidentIdNumber.checkDigit(first17);
				// about 100 bytes of quoted text with line breaks and doubled quotes, so records cross block ends
				String note = "\"客户\"\"张伟\"\"来电，\n电话13812345678，\r\n已回访" + "。".repeat(random.nextInt(20)) + "\"";
				w.write(id + "," + note + ",\"王芳\"\n");
			}
		}
		ScanReport one = scanBlocks(file, 1);
		assertThat(one.rows()).isEqualTo(rows);
		assertThat(one.details().problems()).isZero();
		assertThat(one.columns().get(1).types()).containsExactly("CN_MOBILE");
		assertThat(one.columns().get(1).nonEmpty()).isEqualTo(rows);
		assertThat(one.columns().get(2).types()).containsExactly("PERSON_NAME");
		assertThat(scanBlocks(file, 2)).isEqualTo(one);
		assertThat(scanBlocks(file, 4)).isEqualTo(one);
		assertThat(scanRows(file, 1)).isEqualTo(one);
	}

	@Test
	void gbkCopyReadAsBlocksOrRowsGivesTheSameReport() throws IOException {
		LabelledDataset data = new LabelledDataset(9, 6_000, AS_OF);
		Path utf8 = this.dir.resolve("utf8.csv");
		Path gbk = this.dir.resolve("gbk.csv");
		data.writeCsv(utf8, StandardCharsets.UTF_8);
		data.writeCsv(gbk, Charset.forName("GBK"));
		ScanReport blocks = scanBlocks(gbk, 3);
		assertThat(blocks.details().format()).contains("GB18030");
		assertThat(scanRows(gbk, 1)).isEqualTo(blocks);
		assertThat(scanBlocks(gbk, 1)).isEqualTo(blocks);
		ScanReport fromUtf8 = scanBlocks(utf8, 2);
		assertThat(blocks.columns()).isEqualTo(fromUtf8.columns());
		assertThat(blocks.persons()).isEqualTo(fromUtf8.persons());
	}

	@Test
	void problemsAreKeptInFileOrderWhateverThreadFoundThem() throws IOException {
		Path file = this.dir.resolve("bad.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("姓名,手机,备注\n".getBytes(StandardCharsets.UTF_8));
			// 26 bytes a row: from row 50,000 on, past the first megabyte (checked as UTF-8) and in later blocks
			for (int i = 0; i < 120_000; i++) {
				out.write(("王芳,1381234" + String.format("%04d", i % 10_000)).getBytes(StandardCharsets.UTF_8));
				if (i > 50_000 && i % 97 == 0) {
					// a ragged row
					out.write(",x,y\n".getBytes(StandardCharsets.UTF_8));
				}
				else if (i > 50_000 && i % 101 == 0) {
					// bytes that are not UTF-8
					out.write(new byte[] { ',', (byte) 0xC3, (byte) 0x28, '\n' });
				}
				else {
					out.write(",备注\n".getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		ScanReport one = scanBlocks(file, 1);
		assertThat(one.details().problemCounts()).containsKeys("RAGGED_ROW", "UNDECODABLE_BYTES");
		List<Long> lines = new ArrayList<>();
		for (String p : one.details().firstProblems()) {
			lines.add(Long.parseLong(p.substring(5, p.indexOf(':'))));
		}
		assertThat(lines).isSorted().hasSize(20);
		assertThat(one.details().firstProblems()).anyMatch(p -> p.contains("RAGGED_ROW"))
			.anyMatch(p -> p.contains("UNDECODABLE_BYTES"));
		assertThat(scanBlocks(file, 2)).isEqualTo(one);
		assertThat(scanBlocks(file, 6)).isEqualTo(one);
	}

	@Test
	void samplesAreTheFirstInTheTableWhateverThreadSawThem() throws IOException {
		Path file = this.dir.resolve("late.csv");
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("编号,邮箱,说明\n");
			// the e-mail column stays empty for the first blocks, then every row has a different address
			for (int i = 0; i < 150_000; i++) {
				w.write("N" + i + "," + ((i < 100_000) ? "" : "user" + i + "@example.com") + ",记录说明文字\n");
			}
		}
		ScanReport one = scanBlocks(file, 1);
		ScanReport.Column emails = one.columns().get(1);
		assertThat(emails.types()).containsExactly("EMAIL");
		assertThat(emails.nonEmpty()).isEqualTo(50_000);
		assertThat(emails.sample()).hasSize(3).allMatch(m -> m.startsWith("u") && m.endsWith("@example.com"));
		for (int threads : new int[] { 2, 3, 6 }) {
			assertThat(scanBlocks(file, threads)).as("%d threads", threads).isEqualTo(one);
		}
		assertThat(scanRows(file, 4)).isEqualTo(one);
	}

	@Test
	void rememberedValuesCountTheSameAsCheckedOnes() throws IOException {
		Path file = this.dir.resolve("repeats.csv");
		Random random = new Random(11);
		String[] status = { "已支付", "已发货", "N/A", "退款中", "" };
		String[] notes = { "正常配送", "客户来电13812345678已回访", "无", "地址：天津市和平区南京路100号" };
		String[] dates = { "1990-01-02", "1985-12-31", "2001-07-15" };
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("状态,姓名,出生日期,备注,说明\n");
			for (int i = 0; i < 60_000; i++) {
				String name = LabelledDataset.SURNAMES[random.nextInt(LabelledDataset.SURNAMES.length)]
						+ LabelledDataset.GIVEN[random.nextInt(LabelledDataset.GIVEN.length)];
				// a value that holds a type turns up only late, and then repeats
				String late = (i > 40_000 && i % 3 == 0) ? "联系人 13912345678" : "备用";
				w.write(status[random.nextInt(status.length)] + "," + name + "," + dates[random.nextInt(dates.length)] + ","
						+ notes[random.nextInt(notes.length)] + "," + late + "\n");
			}
		}
		ScanReport checked = scan(file, 1, false);
		assertThat(checked.columns().get(4).findings()).isNotEmpty();
		assertThat(scan(file, 1, true)).isEqualTo(checked);
		assertThat(scan(file, 3, true)).isEqualTo(checked);
		LabelledDataset data = new LabelledDataset(4, 3_000, AS_OF);
		Path labelled = this.dir.resolve("labelled.csv");
		data.writeCsv(labelled, StandardCharsets.UTF_8);
		assertThat(scan(labelled, 2, true)).isEqualTo(scan(labelled, 2, false));
	}

	private static ScanReport scan(Path file, int threads, boolean remember) throws IOException {
		try (TextSource source = new TextSource(file)) {
			return new Scanner(ScanSettings.defaults(AS_OF)).threads(threads).rememberValues(remember).scan(source);
		}
	}

	private static ScanReport scanBlocks(Path file, int threads) throws IOException {
		try (TextSource source = new TextSource(file)) {
			assertThat(source.blocks()).as("read as blocks of bytes").isNotNull();
			return new Scanner(ScanSettings.defaults(AS_OF)).threads(threads).scan(source);
		}
	}

	/** Through the character reader, row by row, as JSON Lines, workbooks and databases are read. */
	private static ScanReport scanRows(Path file, int threads) throws IOException {
		try (RowsOnly source = new RowsOnly(file)) {
			return new Scanner(ScanSettings.defaults(AS_OF)).threads(threads).scan(source);
		}
	}

	/** Delimited text through {@link TableReader}, one row at a time. */
	private static final class RowsOnly implements TableSource {

		private final TableReader reader;

		private final String name;

		RowsOnly(Path file) throws IOException {
			InputStream in = Files.newInputStream(file);
			this.reader = TableReader.open(in, file.getFileName().toString());
			this.name = file.getFileName().toString();
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void read(RowSink sink) {
			sink.header(this.reader.header());
			while (this.reader.next()) {
				sink.row(this.reader.rowNumber(), this.reader.cells());
			}
		}

		@Override
		public TableProblems problems() {
			return this.reader.problems();
		}

		@Override
		public String describe() {
			char d = this.reader.delimiter();
			return "delimited text, " + this.reader.charset().name() + ", delimiter " + ((d == '\t') ? "tab" : "'" + d + "'");
		}

		@Override
		public void close() {
			this.reader.close();
		}

	}

}
