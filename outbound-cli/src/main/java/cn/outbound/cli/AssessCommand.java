package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.DecisionText;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound assess FILE...}: decides each scenario (spec/scenario-v1.md).
 */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Decide which mechanism each scenario's export needs.", "判断每个出境情景所需的机制。", "",
				"One file: the decision as one JSON document. Several files: one JSON line per file, with \"source\".",
				"'-' reads standard input. Exit status: 0 decided, 2 invalid input, 1 other error." })
final class AssessCommand implements Callable<Integer> {

	enum Format {

		json, text

	}

	enum Lang {

		zh, en

	}

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	RuleOptions rules;

	@Mixin
	OrgOption orgOption = new OrgOption();

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario JSON files; '-' for standard input.")
	List<String> files;

	@Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
	Format format;

	@Option(names = "--lang", defaultValue = "zh", description = { "Language of --format text: zh (default) or en.",
			"Given explicitly, also the language of the problems on standard error (English when it is not given)." })
	Lang lang;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Engine engine = this.rules.engine();
		ScenarioReader reader = new ScenarioReader(engine.packs());
		String org;
		try {
			org = this.orgOption.id();
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			return Outbound.INVALID;
		}
		try (RuleOptions.LazyLedger ledger = this.rules.priorCounts(org)) {
			return assess(engine, reader, ledger, out, err);
		}
		catch (Exception ex) {
			if (ex instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(ex);
		}
	}

	/** Problems follow {@code --lang} when it is given; otherwise they stay English, as scripts have read them. */
	private String problemLang() {
		var parsed = this.spec.commandLine().getParseResult();
		return (parsed != null && parsed.hasMatchedOption("--lang")) ? this.lang.name() : "en";
	}

	private int assess(Engine engine, ScenarioReader reader, PriorCounts ledger, PrintWriter out, PrintWriter err) {
		boolean several = this.files.size() > 1;
		String problemLang = problemLang();
		int status = Outbound.OK;
		for (String file : this.files) {
			byte[] content;
			try {
				content = read(file);
			}
			catch (IOException ex) {
				err.println("error: " + file + ": " + ((ex instanceof NoSuchFileException) ? "no such file" : Errors.describe(ex)));
				status = Math.max(status, Outbound.FAILED);
				if (several && this.format == Format.json) {
					out.println(DecisionJson.compact(error(file, "cannot read the file")));
				}
				continue;
			}
			Scenario scenario;
			try {
				scenario = reader.read(content, file);
			}
			catch (InvalidInputException ex) {
				for (Problem p : ex.problems()) {
					err.println(p.render(problemLang));
				}
				status = (status == Outbound.FAILED) ? status : Outbound.INVALID;
				if (several && this.format == Format.json) {
					DecisionJson.Obj line = error(file, "invalid scenario");
					List<Object> problems = line.putArray("problems");
					for (Problem p : ex.problems()) {
						DecisionJson.Obj n = new DecisionJson.Obj();
						problems.add(n);
						n.put("pointer", p.pointer());
						n.put("line", p.location().line());
						n.put("column", p.location().column());
						n.put("code", p.code());
						n.put("message", p.message(problemLang));
					}
					out.println(DecisionJson.compact(line));
				}
				continue;
			}
			Decision decision = engine.decide(scenario, ledger);
			if (this.format == Format.text) {
				if (several) {
					out.println("== " + file);
				}
				out.print(DecisionText.render(decision, this.lang.name()));
				if (several) {
					out.println();
				}
			}
			else if (several) {
				DecisionJson.Obj json = new DecisionJson.Obj();
				json.put("source", file);
				json.putAll(DecisionJson.toJson(decision));
				out.println(DecisionJson.compact(json));
			}
			else {
				out.println(DecisionJson.pretty(DecisionJson.toJson(decision)));
			}
		}
		out.flush();
		return status;
	}

	private static DecisionJson.Obj error(String file, String message) {
		DecisionJson.Obj line = new DecisionJson.Obj();
		line.put("source", file);
		line.put("error", message);
		return line;
	}

	private static byte[] read(String file) throws IOException {
		if ("-".equals(file)) {
			return System.in.readAllBytes();
		}
		return Files.readAllBytes(Path.of(file));
	}

}
