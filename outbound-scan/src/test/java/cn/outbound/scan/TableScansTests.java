package cn.outbound.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.pii.IdentifierKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What a scan target names ({@link ScanTargets}), its scans ({@link TableScans}) and their persons. Synthetic data. */
class TableScansTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@TempDir
	Path dir;

	@Test
	void aDirectoryIsEveryTableFileInItAndAFileIsItself() throws IOException {
		write("b.csv", "姓名\n张伟\n");
		write("a.tsv", "姓名\n王芳\n");
		write("notes.pdf", "not a table");
		ScanTargets.Targets targets = ScanTargets.resolve(this.dir.toString(), null, null, null, null);
		assertThat(targets.tables()).extracting(ScanTargets.Table::name).containsExactly("a.tsv", "b.csv");
		assertThat(targets.files()).hasSize(2);
		assertThat(ScanTargets.resolve(this.dir.resolve("b.csv").toString(), null, null, null, null).tables())
			.extracting(ScanTargets.Table::name)
			.containsExactly("b.csv");
	}

	@Test
	void refusesWhatDoesNotGoTogetherSayingWhatToGive() throws IOException {
		write("a.csv", "姓名\n张伟\n");
		String file = this.dir.resolve("a.csv").toString();
		assertThatIllegalArgumentException().isThrownBy(() -> ScanTargets.resolve("jdbc:h2:mem:x", null, null, null, null))
			.withMessage("a JDBC URL needs --table T");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScanTargets.resolve("jdbc:h2:mem:x", "t", "Sheet1", null, null))
			.withMessage("--sheet goes with one .xlsx workbook, not a JDBC URL");
		assertThatIllegalArgumentException().isThrownBy(() -> ScanTargets.resolve(file, "t", null, null, null))
			.withMessage("--table goes with a JDBC URL, not a file");
		assertThatIllegalArgumentException().isThrownBy(() -> ScanTargets.resolve(file, null, "Sheet1", null, null))
			.withMessage("--sheet goes with one .xlsx workbook; " + file + " is not one");
		String missing = this.dir.resolve("missing.csv").toString();
		assertThatIllegalArgumentException().isThrownBy(() -> ScanTargets.resolve(missing, null, null, null, null))
			.withMessage(missing + ": no such file or directory");
		Path empty = Files.createDirectory(this.dir.resolve("empty"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScanTargets.resolve(empty.toString(), null, null, null, null))
			.withMessageStartingWith(empty + " holds no table file (");
	}

	@Test
	void scansEveryTableInOrderAndKeepsTheirPersonsByClassAndKind() throws IOException, SQLException {
		write("a.csv", """
				身份证号,诊断
				11010519491231002X,2型糖尿病
				120101201501010021,
				""");
		write("b.csv", """
				邮箱
				zhang@example.com
				""");
		ScanSettings settings = ScanSettings.defaults(AS_OF);
		TableScans scans = TableScans.scan(ScanTargets.resolve(this.dir.toString(), null, null, null, null).tables(),
				settings, true);
		assertThat(scans.reports()).extracting(ScanReport::source).containsExactly("a.csv", "b.csv");
		ScannedPersons persons = scans.persons();
		assertThat(persons.notHandedOver()).isZero();
		List<String> groups = new ArrayList<>();
		for (ScannedPersons.Group g : persons.groups()) {
			List<String> ids = new ArrayList<>();
			g.identifiers().forEach(ids::add);
			ids.sort(null);
			assertThat(ids).hasSize(g.size());
			groups.add((g.sensitive() ? "sensitive " : "non-sensitive ") + g.kind() + " " + ids);
		}
		// the adult with a diagnosis counts in both classes; the minor only as sensitive; the e-mail as non-sensitive
		assertThat(groups).containsExactly("non-sensitive " + IdentifierKind.RESIDENT_ID + " [11010519491231002X]",
				"non-sensitive " + IdentifierKind.EMAIL + " [zhang@example.com]",
				"sensitive " + IdentifierKind.RESIDENT_ID + " [11010519491231002X, 120101201501010021]");
		assertThat(TableScans.scan(List.of(), settings, false).persons().groups()).isEmpty();
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text, StandardCharsets.UTF_8);
	}

}
