package cn.outbound.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.ledger.Ledger;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.ledger.LedgerPriorCounts;
import cn.outbound.service.ledger.LedgerService;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that decide: extra rule packs and deployment settings.
 */
final class RuleOptions {

	@Option(names = "--rules-dir", paramLabel = "DIR",
			description = "Also load every *.yaml rule pack in DIR (e.g. a new edition). Default: $OUTBOUND_RULES_DIR.")
	Path rulesDir;

	@Option(names = "--count-exempt-bases", negatable = true,
			description = "Count persons under exempt bases toward the cumulative thresholds (default: no; "
					+ "$OUTBOUND_COUNT_EXEMPT_BASES=true).")
	Boolean countExemptBases;

	RulePacks packs() {
		return packs(this.rulesDir);
	}

	/** The built-in packs, and those in {@code dir} (or {@code $OUTBOUND_RULES_DIR} when {@code dir} is null). */
	static RulePacks packs(Path rulesDir) {
		Path dir = rulesDir;
		if (dir == null && System.getenv("OUTBOUND_RULES_DIR") != null) {
			dir = Path.of(System.getenv("OUTBOUND_RULES_DIR"));
		}
		if (dir == null) {
			return RulePacks.builtIn();
		}
		if (!Files.isDirectory(dir)) {
			throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RuleOptions()),
					"--rules-dir: " + dir + " is not a directory");
		}
		return RulePacks.builtInAnd(dir);
	}

	Engine engine() {
		boolean count = (this.countExemptBases != null) ? this.countExemptBases
				: Boolean.parseBoolean(System.getenv("OUTBOUND_COUNT_EXEMPT_BASES"));
		return new Engine(packs(), new EngineSettings(count));
	}

	/**
	 * The ledger's prior counts ({@link LedgerPriorCounts}, the adapter the server uses too), the ledger opened only
	 * when a scenario asks for it (processor.id without priorThisYear), so that deciding a scenario that gives its
	 * counts never touches a database. {@code org}: whose ledger (#13, {@code --org}).
	 */
	LazyLedger priorCounts(String org) {
		return new LazyLedger() {

			private Ledger ledger;

			private PriorCounts delegate;

			@Override
			public void close() {
				if (this.ledger != null) {
					this.ledger.close();
				}
			}

			@Override
			public java.util.Optional<cn.outbound.rules.scenario.Scenario.Counts> upTo(String processor,
					java.time.LocalDate date) {
				if (this.delegate == null) {
					this.ledger = LedgerService.openLedger(Db.settings(), LedgerCommand.env(),
							notice -> System.err.println("outbound: " + notice));
					this.delegate = new LedgerPriorCounts(this.ledger);
				}
				String key;
				try {
					// #13: the organisation's processor under its ledger key
					key = cn.outbound.service.org.Organisations.ledgerKey(org, processor);
				}
				catch (IllegalArgumentException tooLong) {
					return java.util.Optional.empty();
				}
				return this.delegate.upTo(key, date);
			}

		};
	}

	/** The ledger's prior counts, opened on first use and closed by the command. */
	interface LazyLedger extends PriorCounts, AutoCloseable {

		@Override
		void close();

	}

}
