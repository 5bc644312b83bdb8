package cn.outbound.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.pii.detect.PiType;
import cn.outbound.tables.CellDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public per-column work ({@link ColumnWorker}) and its mergeable results: counts merged in any grouping equal
 * one pass over all the rows, samples merged in table order equal one pass's, and the value memo changes neither.
 * Seeded: each seed is a table of repeated synthetic values (resident ID numbers, mobiles, e-mails, names, free text
 * with an embedded ID, tokens for "nothing") split into random runs, as Spark's partitions or the scanner's blocks.
 */
class ColumnWorkerTests {

	private static final int WIDTH = 3;

	private static final int CONFIRM = 5;

	static Stream<Long> seeds() {
		return IntStream.range(0, 12).mapToObj(i -> 7919L * i + 11);
	}

	@Test
	void countsWhatOneColumnHolds() {
		// synthetic: a checksum-valid test ID, a mobile number, an e-mail, two tokens for nothing, a blank
		String[][] rows = { { "11010519491231002X" }, { "13812345678" }, { "zhang@example.com" }, { "NULL" },
				{ "无" }, { "   " } };
		ColumnWorker worker = work(rows, 0, rows.length, false);
		ColumnCounts counts = worker.counts()[0];
		assertThat(counts.nonEmpty()).isEqualTo(3);
		assertThat(counts.strong(PiType.CN_RESIDENT_ID)).isEqualTo(1);
		assertThat(counts.strong(PiType.CN_MOBILE)).isEqualTo(1);
		assertThat(counts.strong(PiType.EMAIL)).isEqualTo(1);
		ColumnSamples samples = worker.takeSamples()[0];
		assertThat(samples.samples(PiType.CN_RESIDENT_ID)).containsExactly("110************02X");
		assertThat(samples.values()).containsExactly("11010519491231002X", "13812345678", "zhang@example.com");
	}

	@Test
	void countsIdentifiersInsideFreeText() {
		String[][] rows = { { "客户身份证11010519491231002X已核验" }, { "电话13812345678请回电" }, { "无备注" } };
		ColumnCounts counts = work(rows, 0, rows.length, false).counts()[0];
		assertThat(counts.embedded(PiType.CN_RESIDENT_ID)).isEqualTo(1);
		assertThat(counts.embedded(PiType.CN_MOBILE)).isEqualTo(1);
		assertThat(counts.embedded(PiType.EMAIL)).isZero();
		assertThat(counts.embedded(PiType.HEALTH)).isZero();
	}

	@Test
	void aRowMaskNamesTheColumnsWithAValue() {
		ColumnWorker worker = new ColumnWorker(70, CONFIRM, false);
		worker.value(1, "张伟");
		worker.value(2, "NULL");
		worker.value(65, "x");
		assertThat(worker.rowMask()).isEqualTo(ColumnWorker.columnBit(1) | ColumnWorker.columnBit(63));
		worker.nextRow();
		assertThat(worker.rowMask()).isZero();
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void countsMergedInAnyGroupingEqualOnePass(long seed) {
		Random random = new Random(seed);
		String[][] rows = table(random, 300 + random.nextInt(700));
		ColumnCounts[] whole = work(rows, 0, rows.length, true).counts();
		List<ColumnCounts[]> parts = new ArrayList<>();
		for (int[] run : runs(random, rows.length)) {
			parts.add(work(rows, run[0], run[1], random.nextBoolean()).counts());
		}
		for (int c = 0; c < WIDTH; c++) {
			// left to right, right to left, and a random tree
			ColumnCounts left = new ColumnCounts();
			for (ColumnCounts[] p : parts) {
				left.merge(p[c]);
			}
			ColumnCounts right = new ColumnCounts();
			for (int i = parts.size() - 1; i >= 0; i--) {
				right = copy(parts.get(i)[c]).merge(right);
			}
			assertThat(left).isEqualTo(whole[c]);
			assertThat(right).isEqualTo(whole[c]);
			assertThat(tree(random, parts, c, 0, parts.size())).isEqualTo(whole[c]);
		}
		assertThat(whole[0].nonEmpty()).isPositive();
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void samplesMergedInTableOrderEqualOnePass(long seed) {
		Random random = new Random(seed);
		String[][] rows = table(random, 300 + random.nextInt(700));
		ColumnSamples[] whole = work(rows, 0, rows.length, false).takeSamples();
		List<ColumnSamples[]> parts = new ArrayList<>();
		for (int[] run : runs(random, rows.length)) {
			parts.add(work(rows, run[0], run[1], random.nextBoolean()).takeSamples());
		}
		for (int c = 0; c < WIDTH; c++) {
			ColumnSamples merged = new ColumnSamples(CONFIRM);
			for (ColumnSamples[] p : parts) {
				if (p[c] != null) {
					merged.merge(p[c]);
				}
			}
			assertThat(merged).isEqualTo(whole[c]);
			// associative: (a + b) + rest = a + (b + rest), and trimming what follows a prefix changes nothing
			if (parts.size() >= 2 && parts.get(0)[c] != null && parts.get(1)[c] != null) {
				ColumnSamples rest = new ColumnSamples(CONFIRM);
				for (int i = 2; i < parts.size(); i++) {
					if (parts.get(i)[c] != null) {
						rest.merge(parts.get(i)[c]);
					}
				}
				ColumnSamples a = parts.get(0)[c];
				ColumnSamples b = parts.get(1)[c];
				ColumnSamples leftFirst = new ColumnSamples(CONFIRM).merge(a).merge(b).merge(rest);
				ColumnSamples rightFirst = new ColumnSamples(CONFIRM).merge(a)
					.merge(new ColumnSamples(CONFIRM).merge(b).merge(rest));
				assertThat(leftFirst).isEqualTo(whole[c]).isEqualTo(rightFirst);
				assertThat(new ColumnSamples(CONFIRM).merge(a).merge(b.after(a)).merge(rest)).isEqualTo(whole[c]);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void theValueMemoChangesNoCountAndNoSample(long seed) {
		Random random = new Random(seed);
		String[][] rows = table(random, 2000);
		ColumnWorker remembering = work(rows, 0, rows.length, true);
		ColumnWorker looking = work(rows, 0, rows.length, false);
		assertThat(remembering.counts()).isEqualTo(looking.counts());
		assertThat(remembering.takeSamples()).isEqualTo(looking.takeSamples());
	}

	/**
	 * A caller that keeps the verdict on each distinct value (as Spark's column batches do per dictionary entry) and
	 * counts repeats by {@link ColumnWorker#remembered} gets the counts, samples and row masks of a worker that looks
	 * at every cell; a value that could still become a sample is refused and given as bytes.
	 */
	@ParameterizedTest
	@MethodSource("seeds")
	void verdictsKeptPerValueChangeNoCountNoSampleAndNoRowMask(long seed) {
		Random random = new Random(seed);
		String[][] rows = table(random, 2000);
		boolean remember = random.nextBoolean();
		ColumnWorker looking = new ColumnWorker(WIDTH, CONFIRM, false);
		ColumnWorker keeping = new ColumnWorker(WIDTH, CONFIRM, remember);
		CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8);
		List<java.util.Map<String, long[]>> verdicts = new ArrayList<>();
		for (int c = 0; c < WIDTH; c++) {
			verdicts.add(new java.util.HashMap<>());
		}
		int counted = 0;
		int refused = 0;
		for (String[] row : rows) {
			for (int c = 0; c < WIDTH; c++) {
				if (row[c].isEmpty()) {
					continue;
				}
				byte[] bytes = row[c].getBytes(StandardCharsets.UTF_8);
				looking.cell(c, bytes, 0, bytes.length, decoder, false);
				long[] kept = verdicts.get(c).get(row[c]);
				if (kept != null) {
					if (keeping.remembered(c, kept[0], kept[1])) {
						counted++;
						continue;
					}
					refused++;
				}
				keeping.cell(c, bytes, 0, bytes.length, decoder, true);
				assertThat(keeping.verdict()).isNotZero();
				verdicts.get(c).put(row[c], new long[] { keeping.verdict(), keeping.verdictWants() });
			}
			assertThat(keeping.rowMask()).isEqualTo(looking.rowMask());
			looking.nextRow();
			keeping.nextRow();
		}
		assertThat(counted).as("cells counted from a kept verdict").isGreaterThan(rows.length);
		assertThat(refused).as("repeats refused while they could still be samples").isPositive();
		assertThat(keeping.counts()).isEqualTo(looking.counts());
		assertThat(keeping.takeSamples()).isEqualTo(looking.takeSamples());
	}

	@Test
	void aCellWithUndecodableBytesGivesNoVerdict() {
		ColumnWorker worker = new ColumnWorker(1, CONFIRM, true);
		byte[] bad = { 'a', (byte) 0xFF, 'b' };
		worker.cell(0, bad, 0, bad.length, new CellDecoder(StandardCharsets.UTF_8), true);
		assertThat(worker.verdict()).isZero();
		byte[] good = "张伟".getBytes(StandardCharsets.UTF_8);
		worker.cell(0, good, 0, good.length, new CellDecoder(StandardCharsets.UTF_8), true);
		assertThat(worker.verdict()).isNotZero();
	}

	@Test
	void samplesKeepTheFirstUpToEachListsSize() {
		String[][] rows = new String[40][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new String[] { "value " + i };
		}
		ColumnSamples first = work(rows, 0, 10, false).takeSamples()[0];
		ColumnSamples next = work(rows, 10, 40, false).takeSamples()[0];
		assertThat(first.values()).hasSize(10);
		assertThat(next.after(first).values()).hasSize(ColumnProfile.VALUE_SAMPLE - 10).startsWith("value 10");
		assertThat(next.after(next).isEmpty()).isTrue();
		assertThat(new ColumnSamples(CONFIRM).merge(first).merge(next).values())
			.hasSize(ColumnProfile.VALUE_SAMPLE)
			.startsWith("value 0")
			.endsWith("value 19");
	}

	/** A fresh worker over rows {@code [from, to)}, as bytes (UTF-8) or characters. */
	private static ColumnWorker work(String[][] rows, int from, int to, boolean remember) {
		ColumnWorker worker = new ColumnWorker(rows[0].length, CONFIRM, remember);
		CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8);
		for (int r = from; r < to; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				if (rows[r][c].isEmpty()) {
					continue;
				}
				if (remember || (r & 1) == 0) {
					byte[] bytes = rows[r][c].getBytes(StandardCharsets.UTF_8);
					worker.cell(c, bytes, 0, bytes.length, decoder, true);
				}
				else {
					worker.value(c, rows[r][c]);
				}
			}
			worker.nextRow();
		}
		return worker;
	}

	private static ColumnCounts tree(Random random, List<ColumnCounts[]> parts, int c, int from, int to) {
		if (to - from == 1) {
			return copy(parts.get(from)[c]);
		}
		int mid = from + 1 + random.nextInt(to - from - 1);
		return tree(random, parts, c, from, mid).merge(tree(random, parts, c, mid, to));
	}

	private static ColumnCounts copy(ColumnCounts c) {
		return new ColumnCounts().merge(c);
	}

	/** Random contiguous runs covering {@code [0, n)}. */
	private static List<int[]> runs(Random random, int n) {
		List<int[]> runs = new ArrayList<>();
		int at = 0;
		while (at < n) {
			int len = 1 + random.nextInt(Math.max(1, n / 4));
			runs.add(new int[] { at, Math.min(n, at + len) });
			at += len;
		}
		return runs;
	}

	/** Synthetic rows: an identifier column, a contact column mixing types, a free-text column; values repeat. */
	private static String[][] table(Random random, int rows) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String first17 = String.format("1101051980%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28),
					random.nextInt(1000));
			ids.add(first17 + ResidentIdNumber.checkDigit(first17));
		}
		String[] contacts = { "13812345678", "13998765432", "zhang@example.com", "li.na@example.org", "NULL", "",
				"15011112222", "无", "not given" };
		String[] notes = { "客户身份证" + ids.get(0) + "已核验", "张伟", "王芳", "复诊", "", "电话13812345678", "高血压",
				"李娜", "n/a" };
		String[][] out = new String[rows][];
		for (int r = 0; r < rows; r++) {
			out[r] = new String[] { (random.nextInt(10) == 0) ? "" : ids.get(random.nextInt(ids.size())),
					contacts[random.nextInt(contacts.length)], notes[random.nextInt(notes.length)] };
		}
		return out;
	}

}
