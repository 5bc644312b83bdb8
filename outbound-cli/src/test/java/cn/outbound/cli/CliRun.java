package cn.outbound.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the CLI in-process and captures its exit status and output.
 */
record CliRun(int exit, String out, String err) {

	static CliRun run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = Outbound.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new CliRun(exit, out.toString(), err.toString());
	}

	/** The repository's root, where the in-repo copy of the spec and its examples lives. */
	static Path repo() {
		String configured = System.getProperty("outbound.repo");
		return Path.of((configured != null) ? configured : "..").toAbsolutePath().normalize();
	}

	static String example(String name) {
		return repo().resolve("spec/examples/" + name + ".json").toString();
	}

}
