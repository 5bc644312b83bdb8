package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Every name and number here is synthetic. */
class ScanCommandTests {

	private static final String CSV = "姓名,身份证号,手机,诊断\n张伟,11010519491231002X,13812345678,2型糖尿病\n"
			+ "王芳,120101201501010021,13912345678,肺炎\n";

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = new CommandLine(new ScanCommand()).setOut(new PrintWriter(out, true))
			.setErr(new PrintWriter(err, true))
			.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	private Path write(String name, String content, Charset charset) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, charset);
		return file;
	}

	@Test
	void printsATextReportWithoutRawIdentifiers() throws IOException {
		Path file = write("patients.csv", CSV, StandardCharsets.UTF_8);
		Run r = run(file.toString(), "--as-of", "2026-06-30");
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("CN_RESIDENT_ID", "distinct persons: 2", "minors", "[SENSITIVE]", "item 31");
		assertThat(r.out()).doesNotContain("11010519491231002X", "13812345678", "120101201501010021");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void printsJsonAndEmitsTheScenario() throws IOException {
		Path file = write("patients.csv", CSV, Charset.forName("GBK"));
		Path scenario = this.dir.resolve("draft.json");
		Run r = run(file.toString(), "--format", "json", "--as-of", "2026-06-30", "--emit-scenario", scenario.toString());
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("\"schema\" : \"outbound/scan/v1\"", "\"distinct\" : 2", "\"minors\" : 1");
		assertThat(Files.readString(scenario)).contains("\"schema\" : \"outbound/scenario/v1\"", "\"date\" : \"2026-06-30\"",
				"\"basis\" : \"NONE\"");
	}

	@Test
	void scansEveryTableInADirectoryAsJsonLines() throws IOException {
		write("a.csv", CSV, StandardCharsets.UTF_8);
		write("b.jsonl", "{\"email\":\"a@example.com\"}\n", StandardCharsets.UTF_8);
		write("notes.md", "# not a table", StandardCharsets.UTF_8);
		Run r = run(this.dir.toString(), "--format", "json");
		assertThat(r.exit()).isZero();
		assertThat(r.out().strip().split("\n")).hasSize(2);
	}

	@Test
	void invalidInputExitsTwoWithOneLine() throws IOException {
		Path binary = this.dir.resolve("image.csv");
		Files.write(binary, new byte[] { 0, 1, 2, 3 });
		Run r = run(binary.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err().strip()).startsWith("error: image.csv is not text").doesNotContain("\n").doesNotContain("Exception");
		assertThat(run(this.dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
		assertThat(run("jdbc:h2:mem:x").err()).contains("--table");
		assertThat(run(binary.toString(), "--as-of", "yesterday").exit()).isEqualTo(2);
		Path file = write("p.csv", CSV, StandardCharsets.UTF_8);
		Run wrongColumn = run(file.toString(), "--id-column", "nope");
		assertThat(wrongColumn.exit()).isEqualTo(2);
		assertThat(wrongColumn.err()).contains("nope").doesNotContain("11010519491231002X");
	}

	@Test
	void scansADatabaseTable() throws Exception {
		String url = "jdbc:h2:mem:cli" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
			st.execute("create table people(name varchar(20), email varchar(60))");
			st.execute("insert into people values ('张伟','zhang@example.com'),('王芳','wang@example.com')");
			Run r = run(url, "--table", "people", "--format", "json");
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(r.out()).contains("\"EMAIL\"", "\"distinct\" : 2");
		}
	}

}
