package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import cn.outbound.filing.document.Draft;
import cn.outbound.filing.document.DraftInput;
import cn.outbound.filing.document.Drafts;
import cn.outbound.filing.document.FilingDetails;
import cn.outbound.filing.document.FilingDetailsReader;
import cn.outbound.filing.document.FilingDrafts;
import cn.outbound.ledger.Ledger;
import cn.outbound.report.CjkFont;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.service.Services;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.AssessmentDrafts;
import cn.outbound.service.ledger.LedgerService;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound filing draft SCENARIO.json|--assessment ID [--details DETAILS.json] --out DIR}: the filing
 * documents of the decision's mechanism (docs/filing-documents.md), each as DOCX and PDF, written into a new directory
 * whole or not at all.
 */
@Command(name = "draft", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Draft the filing documents of the scenario's (or a stored assessment's) mechanism, DOCX + PDF.",
				"生成申报材料草稿（DOCX 和 PDF）：安全评估的申报表、自评估报告；标准合同的影响评估报告、出境情况说明、承诺书；以及材料清单。", "",
				"Without --details every field only the company knows is marked 【待填写】.",
				"EXEMPT and SEPARATE_REGIME need no filing: nothing is written unless --force (then every mechanism's documents).",
				"The PDF embeds a CJK font: $OUTBOUND_REPORT_CJK_FONT names one (FILE or FILE.ttc,INDEX); by default fonts-wqy-microhei.",
				"Exit status: 0 done (or nothing to file), 2 invalid input, 1 other error." })
final class FilingDraftCommand implements Callable<Integer> {

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	RuleOptions rules;

	@Mixin
	OrgOption orgOption = new OrgOption();

	@ArgGroup(exclusive = true, multiplicity = "1")
	Source source;

	static final class Source {

		@Parameters(paramLabel = "SCENARIO", description = "A scenario JSON file.")
		Path scenario;

		@Option(names = "--assessment", paramLabel = "ID",
				description = "A stored assessment (same database as ledger and serve: $OUTBOUND_DB_URL or ./data/).")
		Long assessment;

	}

	@Option(names = "--details", paramLabel = "DETAILS.json",
			description = "What the company adds (outbound/filing-details/v1, docs/examples/filing-details.json).")
	Path details;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "A new (or empty) directory to write into.")
	Path out;

	@Option(names = "--lang", defaultValue = "zh", description = "Language of the documents and messages: zh (default) or en.")
	AssessCommand.Lang lang;

	@Option(names = "--force", description = "Draft every mechanism's documents even when the decision needs no filing.")
	boolean force;

	@Override
	public Integer call() {
		PrintWriter o = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		String lang = this.lang.name();
		boolean en = "en".equals(lang);
		FilingDetails filingDetails = FilingDetails.NONE;
		try {
			if (this.details != null) {
				byte[] content = Files.readAllBytes(this.details);
				filingDetails = FilingDetailsReader.read(content, this.details.toString());
			}
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach(p -> err.println(p.render(lang)));
			err.println(en ? "nothing was written" : "未写入任何文件");
			return Outbound.INVALID;
		}
		catch (IOException ex) {
			err.println("error: --details " + this.details + ": "
					+ ((ex instanceof NoSuchFileException) ? "no such file" : Errors.describe(ex)));
			return Outbound.FAILED;
		}
		DraftInput input;
		try {
			input = (this.source.assessment != null) ? stored(this.source.assessment, filingDetails, lang)
					: decided(filingDetails, lang);
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach(p -> err.println(p.render(lang)));
			return Outbound.INVALID;
		}
		catch (NotFound | IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			return Outbound.INVALID;
		}
		catch (IOException ex) {
			err.println("error: " + this.source.scenario + ": "
					+ ((ex instanceof NoSuchFileException) ? "no such file" : Errors.describe(ex)));
			return Outbound.FAILED;
		}
		catch (AssessmentDrafts.DecisionChangedException ex) {
			err.println("error: " + ex.getMessage());
			return Outbound.FAILED;
		}
		Mechanism outcome = input.decision().outcome();
		List<Mechanism> mechanisms = Drafts.mechanisms(outcome);
		if (mechanisms.isEmpty()) {
			String label = outcome.label().in(lang);
			if (!this.force) {
				o.println(en ? "No filing is needed: the decision is " + label + " (" + outcome + "). Nothing was written; --force drafts the documents anyway."
						: "无需申报或备案：判定结果为" + label + "（" + outcome + "）。未写入任何文件；如仍需草稿，请加 --force。");
				o.flush();
				return Outbound.OK;
			}
			mechanisms = Drafts.allMechanisms();
		}
		List<Draft> drafts = Drafts.of(input, mechanisms);
		List<Path> written;
		try {
			written = FilingDrafts.official(CjkFont.fromEnvironment(LedgerCommand.env())).write(drafts, this.out);
		}
		catch (CjkFont.MissingFontException ex) {
			err.println("error: " + ex.getMessage());
			return Outbound.FAILED;
		}
		catch (DirectoryNotEmptyException ex) {
			err.println("error: --out " + this.out + (en ? ": not empty; name a new or empty directory (nothing was written)"
					: "：目录不为空，请指定新的或空的目录（未写入任何文件）"));
			return Outbound.FAILED;
		}
		catch (IOException ex) {
			err.println("error: --out " + this.out + ": " + Errors.describe(ex) + (en ? " (nothing was written)" : "（未写入任何文件）"));
			return Outbound.FAILED;
		}
		o.println((en ? "Filing drafts: " : "申报材料草稿：") + outcome.label().in(lang) + "（" + outcome + "）→ " + this.out);
		for (Draft d : drafts) {
			o.println("  " + d.baseName() + ".docx / .pdf" + (d.blanks() == 0 ? "" : en ? "  (" + d.blanks() + " places marked 【待填写】)"
					: "  （" + d.blanks() + " 处【待填写】）"));
		}
		o.println((en ? "Files: " : "文件数：") + written.size());
		o.flush();
		return Outbound.OK;
	}

	/** A scenario file, decided as {@code assess} decides it (the ledger's prior counts when it names a processor). */
	private DraftInput decided(FilingDetails details, String lang) throws IOException {
		byte[] content = Files.readAllBytes(this.source.scenario);
		Engine engine = this.rules.engine();
		Scenario scenario = new ScenarioReader(engine.packs()).read(content, this.source.scenario.toString());
		Decision decision;
		try (RuleOptions.LazyLedger prior = this.rules.priorCounts(this.orgOption.id())) {
			decision = engine.decide(scenario, prior);
		}
		try (Ledger ledger = openLedger(scenario)) {
			return new DraftInput(decision, details, AssessmentDrafts.history(ledger, scenario, this.orgOption.id()), LocalDate.now(), lang);
		}
	}

	/** A stored assessment, through the application layer, on the database of {@code ledger} and {@code serve}. */
	private DraftInput stored(long id, FilingDetails details, String lang) throws IOException {
		Assessment a;
		try (Services services = Db.open()) {
			a = AssessmentDrafts.find(services.dataSource(), services.writes(), this.orgOption.existing(services), id)
				.orElseThrow(() -> new NotFound("en".equals(lang) ? "--assessment " + id + ": no such assessment"
						: "--assessment " + id + "：没有该评估记录"));
		}
		catch (java.sql.SQLException ex) {
			throw new IOException(Errors.describe(ex), ex);
		}
		Scenario scenario = new ScenarioReader(this.rules.packs())
			.read(a.scenario().getBytes(java.nio.charset.StandardCharsets.UTF_8), "assessment " + id);
		try (Ledger ledger = openLedger(scenario)) {
			return AssessmentDrafts.input(a, this.orgOption.id(), this.rules.packs(), ledger, details, LocalDate.now(), lang);
		}
	}

	/** The ledger, when the scenario names its processor (its history goes into the drafts); else {@code null}. */
	private Ledger openLedger(Scenario scenario) {
		if (scenario.processor().id() == null) {
			return null;
		}
		PrintWriter err = this.spec.commandLine().getErr();
		return LedgerService.openLedger(Db.settings(), LedgerCommand.env(), notice -> err.println("outbound: " + notice));
	}

	private static final class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

}
