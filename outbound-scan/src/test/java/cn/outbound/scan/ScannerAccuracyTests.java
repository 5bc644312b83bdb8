package cn.outbound.scan;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.pii.detect.PiType;
import cn.outbound.tables.TextSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy on seeded labelled datasets (issue 5, point 7): precision and recall per type at the
 * column level, no personal-information type on decoy columns, exact person counts, and the same
 * answers for a GBK copy.
 */
class ScannerAccuracyTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final long[] SEEDS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	@TempDir
	Path dir;

	@Test
	void everyTypeIsFoundAndNoDecoyIsReported() throws IOException {
		Map<String, int[]> perType = new HashMap<>(); // tp, fp, fn
		for (long seed : SEEDS) {
			LabelledDataset data = new LabelledDataset(seed, 400, AS_OF);
			ScanReport report = scan(data, StandardCharsets.UTF_8, "seed" + seed + ".csv");
			for (ScanReport.Column c : report.columns()) {
				String label = data.labels.get(c.name());
				if (label == null) {
					assertThat(c.types()).as("decoy column %s (seed %d)", c.name(), seed)
						.noneMatch(t -> PiType.valueOf(t).isPersonal());
				}
				for (PiType type : PiType.values()) {
					int[] counts = perType.computeIfAbsent(type.id(), k -> new int[3]);
					boolean reported = c.types().contains(type.id());
					boolean truth = type.id().equals(label);
					if (reported && truth) {
						counts[0]++;
					}
					else if (reported) {
						counts[1]++;
					}
					else if (truth) {
						counts[2]++;
					}
				}
			}
		}
		perType.forEach((type, c) -> {
			double precision = (c[0] + c[1] == 0) ? 1 : (double) c[0] / (c[0] + c[1]);
			double recall = (c[0] + c[2] == 0) ? 1 : (double) c[0] / (c[0] + c[2]);
			assertThat(precision).as("precision of %s (tp %d, fp %d)", type, c[0], c[1]).isGreaterThanOrEqualTo(0.99);
			assertThat(recall).as("recall of %s (tp %d, fn %d)", type, c[0], c[2]).isGreaterThanOrEqualTo(0.99);
		});
	}

	@Test
	void countsPersonsExactlyWhateverTheSpelling() throws IOException {
		LabelledDataset data = new LabelledDataset(42, 3000, AS_OF);
		ScanReport report = scan(data, StandardCharsets.UTF_8, "people.csv");
		assertThat(report.persons().identifierColumns()).containsExactly("身份证号", "护照号", "手机", "邮箱");
		assertThat(report.persons().distinct()).isEqualTo(data.distinctPersons);
		assertThat(report.persons().minors()).isEqualTo(data.minors).isPositive();
		assertThat(report.persons().rowsWithoutIdentifier()).isZero();
		// every person has a diagnosis (sensitive) and a name (not sensitive); minors count as sensitive only
		assertThat(report.persons().sensitiveIndividuals()).isEqualTo(data.distinctPersons);
		assertThat(report.persons().individuals()).isEqualTo(data.distinctPersons - data.minors);
		assertThat(report.rows()).isEqualTo(data.rows.size());
	}

	@Test
	void gbkCopyGivesTheSameReport() throws IOException {
		LabelledDataset data = new LabelledDataset(7, 500, AS_OF);
		ScanReport utf8 = scan(data, StandardCharsets.UTF_8, "same.csv");
		ScanReport gbk = scan(data, Charset.forName("GBK"), "same.csv");
		assertThat(gbk.details().format()).contains("GB18030");
		assertThat(gbk.columns()).isEqualTo(utf8.columns());
		assertThat(gbk.persons()).isEqualTo(utf8.persons());
	}

	@Test
	void rawIdentifiersNeverReachTheReport() throws IOException {
		LabelledDataset data = new LabelledDataset(11, 200, AS_OF);
		String json = ReportJson.write(scan(data, StandardCharsets.UTF_8, "leak.csv"));
		for (String[] row : data.rows.subList(0, 50)) {
			for (int i : List.of(0, 1, 3, 4, 5, 10)) {
				String raw = row[i].strip();
				assertThat(json).doesNotContain(raw);
			}
		}
	}

	private ScanReport scan(LabelledDataset data, Charset charset, String name) throws IOException {
		Path file = this.dir.resolve(charset.name() + "-" + name);
		data.writeCsv(file, charset);
		try (TextSource source = new TextSource(file)) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
