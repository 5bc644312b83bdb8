package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Condition;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.Provision;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePackLoader;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound rules list|show|validate}: the rule packs as data.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
		description = { "Browse and validate rule packs (negative lists, national provisions).", "浏览与校验规则包。" },
		subcommands = { RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Validate.class })
final class RulesCommand {

	/** The editions of a pack named by {@code --jurisdiction}, or an invalid-input error naming the loaded packs. */
	static List<RulePack> requirePack(CommandLine.Model.CommandSpec spec, RulePacks packs, String id) {
		List<RulePack> editions = packs.editions(id);
		if (editions.isEmpty()) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--jurisdiction '" + id
					+ "' is not a loaded pack" + cn.outbound.rules.source.Suggestions.hint(id, packs.ids()) + "; allowed: "
					+ String.join(", ", packs.ids()));
		}
		return editions;
	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "List the rule packs, their editions and items.")
	static final class ListRules implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		RuleOptions rules;

		@Option(names = "--jurisdiction", paramLabel = "J", description = "Only this pack, e.g. tianjin-ftz or cn-national.")
		String jurisdiction;

		@Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en.")
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			RulePacks packs = this.rules.packs();
			if (this.jurisdiction != null) {
				requirePack(this.spec, packs, this.jurisdiction);
			}
			String l = this.lang.name();
			for (List<RulePack> editions : packs.all()) {
				for (RulePack p : editions) {
					if (this.jurisdiction != null && !p.id().equals(this.jurisdiction)) {
						continue;
					}
					out.println(p.id() + "  " + p.edition() + "  " + p.inForceFrom()
							+ ((p.inForceUntil() != null) ? ".." + p.inForceUntil() : "..") + "  " + p.title().in(l));
					out.println("    " + p.items().size() + " items, " + p.provisions().size() + " provisions, "
							+ p.obligations().size() + " obligations, " + p.contentHash() + "  (" + p.file() + ")");
					int category = -1;
					for (Item item : p.items().values()) {
						if (item.category() != category) {
							category = item.category();
							if (!p.categories().isEmpty()) {
								out.println("    " + p.categories().get(category - 1).numbered().in(l));
							}
						}
						out.printf("      %2d  %s  [%s]%n", item.number(), item.name().in(l), item.mechanism().name());
					}
					if (p.items().isEmpty()) {
						for (Provision prov : p.provisions().values()) {
							out.printf("      %-26s %s%n", prov.id(), prov.title().in(l));
						}
					}
				}
			}
			return Outbound.OK;
		}

	}

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Show an item as the official table reads (or a provision, e.g. art-7-2).")
	static final class Show implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Mixin
		RuleOptions rules;

		@Parameters(paramLabel = "N", description = "Item number (1-46) or provision id (art-5-1, scope, ...).")
		String what;

		@Option(names = "--jurisdiction", defaultValue = "tianjin-ftz", paramLabel = "J",
				description = "Pack (default tianjin-ftz).")
		String jurisdiction;

		@Option(names = "--edition", paramLabel = "E", description = "Edition (default: the latest).")
		String edition;

		@Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en.")
		AssessCommand.Lang lang;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			RulePacks packs = this.rules.packs();
			List<RulePack> editions = requirePack(this.spec, packs, this.jurisdiction);
			RulePack pack = (this.edition == null) ? editions.get(editions.size() - 1)
					: packs.edition(this.jurisdiction, this.edition)
						.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(), "--edition '"
								+ this.edition + "' of " + this.jurisdiction + " does not exist; editions: "
								+ packs.describeEditions(this.jurisdiction)));
			String l = this.lang.name();
			if (this.what.matches("\\d+")) {
				Item item = pack.item(Integer.parseInt(this.what));
				if (item == null) {
					throw new CommandLine.ParameterException(this.spec.commandLine(), "item " + this.what + " does not exist in "
							+ pack.id() + " " + pack.edition() + "; allowed: 1-" + pack.items().size());
				}
				printItem(out, pack, item, l);
				return Outbound.OK;
			}
			var citable = packs.citable(pack);
			var citation = citable.get(this.what);
			if (citation == null) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), "'" + this.what + "' is neither an item nor a provision of "
						+ pack.key() + cn.outbound.rules.source.Suggestions.hint(this.what, citable.keySet()) + "; provisions: "
						+ String.join(", ", citable.keySet().stream().filter(k -> !k.startsWith("item-")).toList()));
			}
			out.println(citation.document().in(l));
			out.println(citation.title().in(l) + ((citation.verbatim()) ? "" : ("zh".equals(l) ? "（非原文，系说明）" : " (not verbatim: an explanatory note)")));
			out.println();
			out.println(citation.text().in(l));
			return Outbound.OK;
		}

		static void printItem(PrintWriter out, RulePack pack, Item item, String l) {
			boolean zh = "zh".equals(l);
			out.println(pack.title().in(l));
			pack.sections().stream().filter(s -> s.id().equals(item.section())).findFirst()
				.ifPresent(s -> out.println(s.title().in(l)));
			out.println();
			if (!pack.categories().isEmpty()) {
				out.println((zh ? "数据类别：" : "Data category: ") + pack.categories().get(item.category() - 1).numbered().in(l));
			}
			out.println((zh ? "数据子类：" : "Data subcategory: ") + item.number() + "." + item.name().in(l));
			String description = item.description().in(l);
			if (item.examples() != null) {
				description = description + (zh ? "" : " ") + item.examples().in(l);
			}
			out.println((zh ? "数据基本特征与描述：" : "Basic characteristics and description: ") + description);
			if (item.remark() != null) {
				String shared = "";
				if (!item.remark().sharedWith().isEmpty()) {
					List<String> others = new ArrayList<>();
					item.remark().sharedWith().forEach(n -> others.add(String.valueOf(n)));
					shared = zh ? "（与第" + String.join("、", others) + "项共用）" : " (shared with item" + (others.size() > 1 ? "s " : " ")
							+ String.join(", ", others) + ")";
				}
				out.println((zh ? "备注：" : "Remarks: ") + item.remark().text().in(l) + shared);
			}
			out.println((zh ? "所需机制：" : "Mechanism: ") + item.mechanism().label().in(l) + " (" + item.mechanism().name() + ")");
			if (!item.facts().isEmpty()) {
				out.println();
				out.println(zh ? "可申报的事实：" : "Facts a scenario may give:");
				for (String name : item.facts()) {
					Fact fact = pack.facts().get(name);
					String type = fact.type().name().toLowerCase() + ((fact.unit() != null) ? ", " + fact.unit().in(l) : "");
					out.println("  " + name + " (" + type + ", " + fact.role().name().toLowerCase() + ")  " + fact.question().in(l));
					if (fact.type() == Fact.FactType.ENUM) {
						fact.values().forEach((k, v) -> out.println("      " + k + "  " + v.in(l)));
					}
					Text note = item.factNotes().get(name);
					if (note != null) {
						out.println("      " + note.in(l));
					}
				}
			}
			if (item.triggerWhen() != null || !item.exemptWhen().isEmpty()) {
				out.println();
				out.println(zh ? "判定条件：" : "Conditions:");
				for (Condition c : item.exemptWhen()) {
					out.println("  " + (zh ? "除外：" : "except when: ") + describe(c));
				}
				if (item.triggerWhen() != null) {
					out.println("  " + (zh ? "触发：" : "triggered when: ") + describe(item.triggerWhen()));
				}
			}
			if (item.sourceLines() != null) {
				out.println();
				out.println((zh ? "出处：" : "Source: ") + pack.source().document() + ", " + (zh ? "第" : "lines ")
						+ item.sourceLines()[0] + "–" + item.sourceLines()[1] + (zh ? "行" : ""));
			}
		}

		static String describe(Condition c) {
			if (c instanceof Condition.All all) {
				return "all(" + String.join(", ", all.conditions().stream().map(Show::describe).toList()) + ")";
			}
			if (c instanceof Condition.Any any) {
				return "any(" + String.join(", ", any.conditions().stream().map(Show::describe).toList()) + ")";
			}
			if (c instanceof Condition.Not not) {
				return "not(" + describe(not.condition()) + ")";
			}
			Condition.Compare cmp = (Condition.Compare) c;
			String value = (cmp.value() instanceof java.math.BigDecimal bd) ? bd.toPlainString() : String.valueOf(cmp.value());
			String symbol = switch (cmp.op()) {
				case EQUALS -> "=";
				case IN -> "in";
				case AT_LEAST -> "≥";
				case GREATER_THAN -> ">";
				case BELOW -> "<";
				case AT_MOST -> "≤";
			};
			return cmp.fact() + " " + symbol + " " + value;
		}

	}

	@Command(name = "validate", mixinStandardHelpOptions = true,
			description = { "Check rule-pack files: schema and semantic checks, every problem with file:line:column.",
					"Exit status: 0 valid, 2 problems found." })
	static final class Validate implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule-pack YAML files.")
		List<Path> files;

		@Option(names = "--lang", description = "Language of the problems: en (default) or zh.")
		AssessCommand.Lang lang;

		private String lang() {
			return (this.lang != null) ? this.lang.name() : "en";
		}

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			int status = Outbound.OK;
			List<RulePack> loaded = new ArrayList<>();
			for (Path file : this.files) {
				try {
					loaded.add(RulePackLoader.load(Files.readAllBytes(file), file.toString()));
				}
				catch (NoSuchFileException ex) {
					err.println("ERROR: " + file + ": no such file");
					status = Outbound.FAILED;
				}
				catch (IOException ex) {
					err.println("ERROR: " + file + ": " + Errors.describe(ex));
					status = Outbound.FAILED;
				}
				catch (InvalidInputException ex) {
					ex.problems().forEach(p -> err.println(p.render(lang())));
					status = (status == Outbound.FAILED) ? status : Outbound.INVALID;
				}
			}
			if (status != Outbound.OK) {
				return status;
			}
			// check references and editions together with the built-in packs (a file replaces the built-in edition it names)
			List<RulePack> all = new ArrayList<>(loaded);
			for (RulePack builtIn : RulePacks.loadBuiltIn()) {
				if (loaded.stream().noneMatch(p -> p.key().equals(builtIn.key()))) {
					all.add(builtIn);
				}
			}
			try {
				RulePacks.of(all);
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach(p -> err.println(p.render(lang())));
				return Outbound.INVALID;
			}
			for (RulePack p : loaded) {
				out.println("OK " + p.file() + ": " + p.id() + " " + p.edition() + " (from " + p.inForceFrom() + "), "
						+ p.items().size() + " items, " + p.provisions().size() + " provisions, " + p.contentHash());
			}
			return Outbound.OK;
		}

	}

}
