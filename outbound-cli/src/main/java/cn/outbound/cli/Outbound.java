package cn.outbound.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import cn.outbound.ledger.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code outbound} command. Exit status: 0 done, 2 invalid input (the message names the field and what is
 * allowed), 1 anything else. Never prints a stack trace.
 */
@Command(name = "outbound", mixinStandardHelpOptions = true, versionProvider = Outbound.Version.class,
		description = { "Outbound: which mechanism a data export from China needs, and why.",
				"数据出境合规：判断数据出境所需的机制，并说明依据。" })
public final class Outbound {

	public static final int OK = 0;

	public static final int FAILED = 1;

	public static final int INVALID = 2;

	public static void main(String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
	}

	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		// before any command touches H2 (a scan of an H2 database may come before the ledger): the AUTO_SERVER port
		// of the embedded database must listen on loopback only
		Database.loopbackOnly();
		CommandLine cli = commandLine(args);
		cli.setOut(out);
		cli.setErr(err);
		return cli.execute(args);
	}

	/**
	 * The command line, with only the subcommand named first on the command line built (picocli reflects over each
	 * command it builds; building one keeps the start fast), or all of them for help and errors.
	 */
	public static CommandLine commandLine(String... args) {
		CommandLine cli = new CommandLine(new Outbound());
		Extensions.register(cli, (args.length > 0) ? args[0] : null);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("error: " + Errors.describe(ex));
			return FAILED;
		});
		cli.setParameterExceptionHandler((ex, argv) -> {
			CommandLine c = ex.getCommandLine();
			c.getErr().println("error: " + ex.getMessage());
			c.getErr().println("Usage: see '" + c.getCommandSpec().qualifiedName() + " --help'");
			return INVALID;
		});
		return cli;
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String v = Outbound.class.getPackage().getImplementationVersion();
			return new String[] { "outbound " + ((v != null) ? v : "development") };
		}

	}

}
