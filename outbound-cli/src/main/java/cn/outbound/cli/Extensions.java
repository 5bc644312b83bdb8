package cn.outbound.cli;

import picocli.CommandLine;

/**
 * Registers the subcommands of the optional modules (ledger, scanner, server) when they are on the class path, so
 * that the core CLI stays small and starts fast.
 */
final class Extensions {

	private static final String[][] COMMANDS = { { "ledger", "cn.outbound.cli.LedgerCommand" },
			{ "scan", "cn.outbound.cli.ScanCommand" }, { "serve", "cn.outbound.cli.ServeCommand" },
			{ "users", "cn.outbound.cli.UsersCommand" }, { "audit", "cn.outbound.cli.AuditCommand" } };

	private Extensions() {
	}

	static void register(CommandLine cli) {
		for (String[] command : COMMANDS) {
			try {
				Class<?> type = Class.forName(command[1], false, Extensions.class.getClassLoader());
				cli.addSubcommand(command[0], new CommandLine(type.getDeclaredConstructor().newInstance()));
			}
			catch (ClassNotFoundException ex) {
				// module not built into this CLI
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				throw new IllegalStateException("cannot load the '" + command[0] + "' command", ex);
			}
		}
	}

}
