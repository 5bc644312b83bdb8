package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.deadline.FilingPlan;
import cn.outbound.filing.deadline.FilingPlanJson;
import cn.outbound.filing.deadline.FilingPlanText;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound filing ...}: what a company does after the decision (issue #14). Each subcommand is its own class,
 * registered here with one line each.
 */
@Command(name = "filing", mixinStandardHelpOptions = true,
		description = { "After the decision: the filing's timeline (plan).", "决定之后：申报与备案的时间表（plan）。" },
		subcommands = {
				FilingCommand.Plan.class,
				FilingDraftCommand.class,
				FilingLifeCommands.Create.class, FilingLifeCommands.Status.class,
				FilingLifeCommands.AdvanceCommand.class, FilingLifeCommands.DeadlinesCommand.class,
		})
final class FilingCommand {

	/**
	 * {@code outbound filing plan SCENARIO.json [--submitted DATE] ...}: decides the scenario as {@code assess} does,
	 * then prints the deadlines of its mechanism with their dates, articles and explanations.
	 */
	@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "The filing timeline of the scenario's mechanism, with dates, articles and why.",
					"情景所需机制的申报与备案时间表：每个期限的日期（或“尚不确定”）、依据和说明。", "",
					"A deadline has its date, or \"not yet known\" until the day it counts from is given below.",
					"Past the last loaded calendar year a date is an estimate (marked *).",
					"Exit status: 0 done, 2 invalid input, 1 other error." })
	static final class Plan implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		RuleOptions rules;

		@Mixin
		CalendarOptions calendars;

		@Mixin
		OrgOption orgOption = new OrgOption();

		@Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario JSON file; '-' for standard input.")
		String file;

		// one option per event of deadlines/deadlines.yaml, of the same name (FilingCommandTests checks both agree)
		@Option(names = "--submitted", paramLabel = "DATE", description = "The day the security-assessment filing is (or will be) submitted.")
		String submitted;

		@Option(names = "--result-issued", paramLabel = "DATE", description = "The day the assessment result is issued.")
		String resultIssued;

		@Option(names = "--extension-applied", paramLabel = "DATE", description = "The day the extension of the result is applied for.")
		String extensionApplied;

		@Option(names = "--contract-effective", paramLabel = "DATE", description = "The day the standard contract takes effect.")
		String contractEffective;

		@Option(names = "--impact-assessed", paramLabel = "DATE", description = "The day the impact-assessment report is completed.")
		String impactAssessed;

		@Option(names = "--certificate-issued", paramLabel = "DATE", description = "The day the certificate is issued (certification).")
		String certificateIssued;

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
		CalendarCommand.Format format;

		@Option(names = "--lang", defaultValue = "zh", description = { "Language of --format text: zh (default) or en.",
				"Given explicitly, also the language of errors (English when it is not given)." })
		AssessCommand.Lang lang;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			String problemLang = CalendarOptions.problemLang(this.spec, this.lang);
			Map<String, LocalDate> known = known(problemLang);
			byte[] content;
			try {
				content = "-".equals(this.file) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(this.file));
			}
			catch (IOException ex) {
				err.println("error: " + this.file + ": "
						+ ((ex instanceof NoSuchFileException) ? "no such file" : Errors.describe(ex)));
				return Outbound.FAILED;
			}
			WorkingDays days;
			try {
				days = this.calendars.workingDays(this.spec);
			}
			catch (InvalidDataException ex) {
				return CalendarOptions.report(ex, err, problemLang);
			}
			Engine engine = this.rules.engine();
			Scenario scenario;
			try {
				scenario = new ScenarioReader(engine.packs()).read(content, this.file);
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach(p -> err.println(p.render(problemLang)));
				return Outbound.INVALID;
			}
			Decision decision;
			String org;
			try {
				org = this.orgOption.id();
			}
			catch (IllegalArgumentException ex) {
				err.println("error: " + ex.getMessage());
				return Outbound.INVALID;
			}
			try (RuleOptions.LazyLedger ledger = this.rules.priorCounts(org)) {
				decision = engine.decide(scenario, ledger);
			}
			RulePacks packs = engine.packs();
			Deadlines deadlines = (packs == RulePacks.builtIn()) ? Deadlines.builtIn() : Deadlines.builtIn(packs);
			FilingPlan plan = FilingPlan.of(decision.outcome(), known, deadlines, days);
			if (this.format == CalendarCommand.Format.json) {
				out.println(Json.pretty(FilingPlanJson.toJson(plan)));
			}
			else {
				out.print(FilingPlanText.render(plan, this.lang.name(), event -> "--" + event + " DATE"));
			}
			out.flush();
			return Outbound.OK;
		}

		/** The dates told, by event id (the option's name without dashes); each checked, naming its option. */
		private Map<String, LocalDate> known(String lang) {
			Map<String, String> given = new LinkedHashMap<>();
			given.put("submitted", this.submitted);
			given.put("result-issued", this.resultIssued);
			given.put("extension-applied", this.extensionApplied);
			given.put("contract-effective", this.contractEffective);
			given.put("impact-assessed", this.impactAssessed);
			given.put("certificate-issued", this.certificateIssued);
			Map<String, LocalDate> known = new LinkedHashMap<>();
			given.forEach((event, value) -> {
				if (value != null) {
					known.put(event, CalendarOptions.date(this.spec, "--" + event, value, lang));
				}
			});
			return known;
		}

	}

}
