package cn.outbound.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Organisation;
import cn.outbound.service.org.Organisations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound orgs}: the organisations of a deployment (issue #13). {@code add ID --name NAME} creates an
 * enterprise (audited); {@code list} shows them all, with {@code default} and the zone administration {@code zone}.
 */
@Command(name = "orgs", mixinStandardHelpOptions = true,
		description = { "Manage the organisations (database: $OUTBOUND_DB_URL or ./data/).", "管理组织（企业与自贸区管理机构）。" },
		subcommands = { OrgsCommand.Add.class, OrgsCommand.ListOrgs.class })
final class OrgsCommand extends CommandGroup {

	abstract static class Sub implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public final Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (Services services = Db.open()) {
				return run(new Organisations(services.dataSource(), services.writes()), Actor.commandLine(), out);
			}
			catch (IllegalArgumentException ex) {
				this.spec.commandLine().getErr().println("error: " + ex.getMessage());
				return Outbound.INVALID;
			}
		}

		abstract int run(Organisations orgs, Actor actor, PrintWriter out) throws Exception;

	}

	@Command(name = "add", mixinStandardHelpOptions = true, description = "Create an enterprise organisation.")
	static final class Add extends Sub {

		@Parameters(paramLabel = "ID", description = "1-40 lower-case letters, digits or '-'.")
		String id;

		@Option(names = "--name", required = true, paramLabel = "NAME", description = "The organisation's name.")
		String name;

		@Override
		int run(Organisations orgs, Actor actor, PrintWriter out) throws Exception {
			Organisation o = orgs.add(this.id, this.name, actor);
			out.println("Created organisation " + o.id() + " (" + o.name() + ").");
			return Outbound.OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the organisations.")
	static final class ListOrgs extends Sub {

		@Override
		int run(Organisations orgs, Actor actor, PrintWriter out) throws Exception {
			for (Organisation o : orgs.list()) {
				out.printf("%-40s %-10s %s%n", o.id(), o.kind(), o.name());
			}
			return Outbound.OK;
		}

	}

}
