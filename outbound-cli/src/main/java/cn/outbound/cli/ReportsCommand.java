package cn.outbound.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import cn.outbound.rules.render.Json;
import cn.outbound.service.Services;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Denied;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.org.Scope;
import cn.outbound.service.zone.ZoneReports;
import cn.outbound.service.user.Role;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound reports}: what an enterprise reports to the zone (issue #13, item 5), by the rules of
 * {@link ZoneReports} as the pages and the API apply them. The command line acts as the administrator of
 * {@code --org}; {@code list --zone} shows the regulator's view.
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
		description = { "Report an assessment or a filing to the zone, withdraw a report, list reports.",
				"向自贸区报送评估或申报、撤回报送、列出报送。" },
		subcommands = { ReportsCommand.Add.class, ReportsCommand.Withdraw.class, ReportsCommand.ListReports.class })
final class ReportsCommand extends CommandGroup {

	abstract static class Sub implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public final Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (Services services = Db.open()) {
				ZoneReports reports = new ZoneReports(services.dataSource(), services.writes(),
						Assessments.reading(new AssessmentStore(services.dataSource(), services.writes())));
				return run(services, reports, Actor.commandLine(), out);
			}
			catch (IllegalArgumentException | Denied ex) {
				this.spec.commandLine().getErr().println("error: " + ex.getMessage());
				return (ex instanceof Denied d && d.kind() == Denied.Kind.NOT_FOUND) ? Outbound.FAILED : Outbound.INVALID;
			}
		}

		abstract int run(Services services, ZoneReports reports, Actor actor, PrintWriter out) throws Exception;

	}

	static final class Target {

		@Option(names = "--assessment", paramLabel = "ID", description = "A stored assessment of the organisation.")
		Long assessment;

		@Option(names = "--filing", paramLabel = "ID", description = "A filing of the organisation.")
		Long filing;

	}

	@Command(name = "add", mixinStandardHelpOptions = true, description = "Report an assessment or a filing to the zone (audited).")
	static final class Add extends Sub {

		@ArgGroup(exclusive = true, multiplicity = "1")
		Target target;

		@Option(names = "--note", paramLabel = "TEXT", description = "A note for the zone administration (at most 2000 characters).")
		String note;

		@Mixin
		OrgOption org = new OrgOption();

		@Override
		int run(Services services, ZoneReports reports, Actor actor, PrintWriter out) throws Exception {
			Scope scope = this.org.scope(services, actor.name());
			ZoneReports.Report r = (this.target.assessment != null)
					? reports.report(scope, ZoneReports.Kind.ASSESSMENT, this.target.assessment, this.note, actor)
					: reports.report(scope, ZoneReports.Kind.FILING, this.target.filing, this.note, actor);
			out.println("Reported " + r.kind().name().toLowerCase() + " " + r.targetId() + " to the zone (report "
					+ r.id() + ").");
			return Outbound.OK;
		}

	}

	@Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw a report (audited; the zone no longer sees the item).")
	static final class Withdraw extends Sub {

		@Parameters(paramLabel = "REPORT", description = "The report's id.")
		long id;

		@Mixin
		OrgOption org = new OrgOption();

		@Override
		int run(Services services, ZoneReports reports, Actor actor, PrintWriter out) throws Exception {
			ZoneReports.Report r = reports.withdraw(this.org.scope(services, actor.name()), this.id, actor);
			out.println("Withdrew report " + r.id() + " (" + r.kind().name().toLowerCase() + " " + r.targetId() + ").");
			return Outbound.OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List an organisation's reports, or with --zone the regulator's view.")
	static final class ListReports extends Sub {

		@Mixin
		OrgOption org = new OrgOption();

		@Option(names = "--zone", description = "The zone administration's view: the open reports of every enterprise.")
		boolean zone;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		CalendarCommand.Format format;

		@Override
		int run(Services services, ZoneReports reports, Actor actor, PrintWriter out) throws Exception {
			Scope scope = this.zone ? new Scope(actor.name(), Role.REGULATOR, Organisations.ZONE)
					: this.org.scope(services, actor.name());
			var list = reports.list(scope);
			if (this.format == CalendarCommand.Format.json) {
				out.println(Json.pretty(cn.outbound.service.zone.ZoneReportJson.list(list)));
				return Outbound.OK;
			}
			for (ZoneReports.Report r : list) {
				out.printf("%-6d %-20s %-10s %-8d %-24s %-10s %s%n", r.id(), r.orgId(), r.kind(), r.targetId(),
						r.reportedAt(), r.open() ? "open" : "withdrawn", String.valueOf(r.item().getOrDefault("outcome",
								(r.item().get("assessment") instanceof java.util.Map<?, ?> m) ? m.get("outcome") : "")));
			}
			return Outbound.OK;
		}

	}

}
