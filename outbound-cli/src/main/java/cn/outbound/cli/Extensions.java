package cn.outbound.cli;

import picocli.CommandLine;

/**
 * Registers the subcommands of the optional modules (ledger, scanner, server) when they are on the class path, so
 * that the core CLI stays small and starts fast.
 */
final class Extensions {

	private static final String[][] COMMANDS = { { "assess", "cn.outbound.cli.AssessCommand" },
			{ "rules", "cn.outbound.cli.RulesCommand" }, { "ledger", "cn.outbound.cli.LedgerCommand" },
			{ "scan", "cn.outbound.cli.ScanCommand" }, { "serve", "cn.outbound.cli.ServeCommand" },
			{ "users", "cn.outbound.cli.UsersCommand" }, { "audit", "cn.outbound.cli.AuditCommand" },
			{ "calendar", "cn.outbound.cli.CalendarCommand" },
			{ "filing", "cn.outbound.cli.FilingCommand" }, { "assessments", "cn.outbound.cli.AssessmentsCommand" },
			{ "orgs", "cn.outbound.cli.OrgsCommand" }, { "reports", "cn.outbound.cli.ReportsCommand" } };

	private Extensions() {
	}

	/**
	 * @param first the first command-line argument: when it names a command, only that one is built
	 */
	static void register(CommandLine cli, String first) {
		boolean known = false;
		for (String[] command : COMMANDS) {
			known |= command[0].equals(first);
		}
		for (String[] command : COMMANDS) {
			if (known && !command[0].equals(first)) {
				continue;
			}
			try {
				Class<?> type = Class.forName(command[1], false, Extensions.class.getClassLoader());
				var constructor = type.getDeclaredConstructor();
				constructor.setAccessible(true);
				cli.addSubcommand(command[0], new CommandLine(constructor.newInstance()));
			}
			catch (ClassNotFoundException ex) {
				// module not built into this CLI
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				throw new IllegalStateException("cannot load the '" + command[0] + "' command", ex);
			}
		}
		if (!known) {
			cli.addSubcommand(new CommandLine.HelpCommand());
		}
	}

}
