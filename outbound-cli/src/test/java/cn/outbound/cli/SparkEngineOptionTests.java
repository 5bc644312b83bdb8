package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound scan --engine spark}'s options as the CLI checks them, without starting Spark (its run is tested in
 * outbound-spark): the Spark-only options need the engine, the engine must be spark, and a missing outbound-spark
 * build is a clear error, not a stack trace.
 */
class SparkEngineOptionTests {

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	@AfterEach
	void clear() {
		System.clearProperty(SparkEngine.HOME_PROPERTY);
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = new CommandLine(new ScanCommand()).setOut(new PrintWriter(out, true))
			.setErr(new PrintWriter(err, true))
			.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	@Test // #12
	void sparkOnlyOptionsNeedTheSparkEngine() throws IOException {
		Path file = Files.writeString(this.dir.resolve("t.csv"), "姓名\n张伟\n");
		for (String[] args : new String[][] { { file.toString(), "--master", "local[2]" },
				{ file.toString(), "--input-format", "csv" }, { file.toString(), "--whole-files" } }) {
			Run r = run(args);
			assertThat(r.exit()).isEqualTo(2);
			assertThat(r.err()).isEqualTo("error: --master, --input-format and --whole-files go with --engine spark"
					+ System.lineSeparator());
		}
	}

	@Test // #12
	void theEngineIsSparkOrLeftOut() {
		Run r = run("--engine", "flink", "x.csv");
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("--engine must be spark");
		Run none = run();
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.err()).contains("give what to scan");
	}

	@Test // #12
	void aMissingSparkBuildIsAClearError() {
		System.setProperty(SparkEngine.HOME_PROPERTY, this.dir.resolve("no-such-target").toString());
		Run r = run("--engine", "spark", "x.csv");
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).startsWith("error: --engine spark: outbound-spark is not built").doesNotContain("Exception");
	}

}
