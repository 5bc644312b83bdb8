package cn.outbound.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.DeadlinesCalendar;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.filing.life.FilingException;
import cn.outbound.filing.life.FilingJson;
import cn.outbound.filing.life.FilingLifeText;
import cn.outbound.filing.life.Lifecycle;
import cn.outbound.rules.render.Json;
import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.filing.Filings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound filing create|status|advance|deadlines}: the life of a filing on the database the server uses
 * ({@code OUTBOUND_DB_URL}), through the service ({@link Filings}) every door calls; each change is audited as the
 * operating-system user ({@code cli:NAME}). Docs: docs/filing-life.md.
 */
final class FilingLifeCommands {

	private FilingLifeCommands() {
	}

	/** The notices of a ledger status (art. 38 from the approved filings, art. 28 from the rule data). */
	static List<ApprovalWatch.Notice> notices(Services services, String org, cn.outbound.ledger.LedgerStatus status,
			java.util.function.Supplier<cn.outbound.rules.pack.RulePacks> packs) {
		Filings filings = new Filings(services.dataSource(), services.writes(),
				new FilingDeadlines(Deadlines.builtIn(), WorkingDays.builtIn()), Clock.systemUTC());
		ApprovalWatch watch = new ApprovalWatch(filings, packs);
		try {
			return watch.notices(org, status);
		}
		catch (java.sql.SQLException ex) {
			return ApprovalWatch.importantDataDuties(status, watch);
		}
	}

	enum Format {

		text, json, ics

	}

	/** What every subcommand shares: the calendar, the language, the service, and how a refusal is told. */
	abstract static class Sub implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		CalendarOptions calendars;

		@Mixin
		OrgOption orgOption = new OrgOption();

		/** The command line as an administrator of {@code --org} (#13). */
		cn.outbound.service.org.Scope scope;

		@Option(names = "--lang", defaultValue = "zh", description = { "Language of text output: zh (default) or en.",
				"Given explicitly, also the language of errors (English when it is not given)." })
		AssessCommand.Lang lang;

		@Override
		public final Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			String problemLang = CalendarOptions.problemLang(this.spec, this.lang);
			WorkingDays days;
			try {
				days = this.calendars.workingDays(this.spec);
			}
			catch (InvalidDataException ex) {
				return CalendarOptions.report(ex, err, problemLang);
			}
			try (Services services = Db.open()) {
				Filings filings = new Filings(services.dataSource(), services.writes(),
						new FilingDeadlines(Deadlines.builtIn(), days), Clock.systemUTC());
				this.scope = this.orgOption.scope(services, Actor.commandLine().name());
				int status = run(filings, Actor.commandLine(), out);
				out.flush();
				return status;
			}
			catch (FilingException ex) {
				err.println("error: " + ex.in(problemLang));
				return Outbound.INVALID;
			}
			catch (IllegalArgumentException ex) {
				err.println("error: " + ex.getMessage());
				return Outbound.INVALID;
			}
		}

		abstract int run(Filings filings, Actor actor, PrintWriter out) throws Exception;

		void print(Filings filings, Filing f, boolean json, PrintWriter out) {
			List<FilingDeadlines.Open> open = filings.open(f);
			if (json) {
				out.println(Json.pretty(FilingJson.filing(f, open, filings.deadlines().validUntil(f), filings.today())));
			}
			else {
				out.print(FilingLifeText.filing(f, open, filings.deadlines().validUntil(f), filings.today(),
						this.lang.name()));
			}
		}

	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = { "Open a filing (DRAFT) for a stored assessment.", "为已保存的评估创建申报（草稿）。", "",
					"Exit status: 0 done, 2 refused (no such assessment, nothing to file, a filing already open)." })
	static final class Create extends Sub {

		@Option(names = "--assessment", required = true, paramLabel = "ID", description = "The stored assessment's id.")
		long assessment;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		CalendarCommand.Format format;

		@Override
		int run(Filings filings, Actor actor, PrintWriter out) throws Exception {
			print(filings, filings.create(this.scope, this.assessment, actor), this.format == CalendarCommand.Format.json, out);
			return Outbound.OK;
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true,
			description = { "A filing: its state, steps, the allowed next states and its open deadlines.",
					"申报的状态、步骤、可进入的下一状态和未完成的期限。" })
	static final class Status extends Sub {

		@Parameters(index = "0", paramLabel = "ID", description = "The filing's id.")
		long id;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		CalendarCommand.Format format;

		@Override
		int run(Filings filings, Actor actor, PrintWriter out) throws Exception {
			print(filings, filings.find(this.scope.orgId(), this.id), this.format == CalendarCommand.Format.json, out);
			return Outbound.OK;
		}

	}

	@Command(name = "advance", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Move a filing to its next state on the day it happened.", "将申报推进到下一状态（发生之日）。", "",
					"Security assessment: DRAFT -> SUBMITTED -> ACCEPTED -> APPROVED | REJECTED | WITHDRAWN.",
					"Standard contract: DRAFT -> CONTRACT_EFFECTIVE -> FILED (--number) | WITHDRAWN.",
					"APPROVED records the approved scale: --individuals and/or --sensitive, and --recipient.",
					"The date is not after today (Asia/Shanghai) nor before the previous step's.",
					"Exit status: 0 done, 2 refused (the message names the state and the allowed next ones)." })
	static final class AdvanceCommand extends Sub {

		@Parameters(index = "0", paramLabel = "ID", description = "The filing's id.")
		long id;

		@Option(names = "--to", required = true, paramLabel = "STATE", description = "The state to move to.")
		String to;

		@Option(names = "--date", required = true, paramLabel = "DATE", description = "The day it happened, YYYY-MM-DD.")
		String date;

		@Option(names = "--number", paramLabel = "N", description = "The filing number (FILED only).")
		String number;

		@Option(names = "--individuals", paramLabel = "N", description = "APPROVED: approved persons, non-sensitive PI.")
		Long individuals;

		@Option(names = "--sensitive", paramLabel = "N", description = "APPROVED: approved persons, sensitive PI.")
		Long sensitive;

		@Option(names = "--recipient", paramLabel = "NAME", description = "APPROVED: an approved recipient (repeat for several).")
		List<String> recipients = new ArrayList<>();

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		CalendarCommand.Format format;

		@Override
		int run(Filings filings, Actor actor, PrintWriter out) throws Exception {
			ApprovedScale scale = (this.individuals != null || this.sensitive != null || !this.recipients.isEmpty())
					? new ApprovedScale(this.individuals, this.sensitive, this.recipients) : null;
			Advance advance = new Advance(Lifecycle.state(this.to), Lifecycle.date("date", this.date), this.number,
					scale);
			print(filings, filings.advance(this.scope, this.id, advance, actor), this.format == CalendarCommand.Format.json, out);
			return Outbound.OK;
		}

	}

	@Command(name = "deadlines", mixinStandardHelpOptions = true,
			description = { "Every open deadline across filings, soonest first (overdue ones marked).",
					"所有申报未完成的期限，按日期排序（标出已逾期）。", "",
					"--format ics prints an iCalendar feed (the same as the server's /deadlines.ics)." })
	static final class DeadlinesCommand extends Sub {

		@Option(names = "--format", defaultValue = "text", description = "text (default), json or ics.")
		Format format;

		@Override
		int run(Filings filings, Actor actor, PrintWriter out) throws Exception {
			List<FilingDeadlines.Open> open = filings.openDeadlines(this.scope.orgId());
			switch (this.format) {
				case json -> out.println(Json.pretty(FilingJson.deadlines(open, filings.today())));
				case ics -> out.print(DeadlinesCalendar.ics(open, filings.today(), Instant.now(), this.lang.name()));
				default -> out.print(FilingLifeText.deadlines(open, filings.today(), this.lang.name()));
			}
			return Outbound.OK;
		}

	}

}
