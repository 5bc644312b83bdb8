package cn.outbound.filing.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;

/**
 * The fixed filings the document tests draft: a hospital's security assessment (item 31, 250,000 sensitive persons,
 * earlier exports of this year from a ledger) and a standard contract (350,000 persons), both with the documented
 * details file docs/examples/filing-details.json, dated 2026-06-20.
 */
final class DraftFixtures {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 20);

	static final Path REPO = Path.of(System.getProperty("outbound.repo", ".."));

	private DraftFixtures() {
	}

	/** The hospital's export; the ledger holds 120,000 persons and 3,000 sensitive persons exported earlier. */
	static DraftInput hospitalSecurityAssessment(String lang) {
		Decision decision = decide(Path.of("src/test/resources/documents/hospital-sa.json"),
				(processor, date) -> Optional.of(new Scenario.Counts(120_000, 3_000)));
		LedgerHistory ledger = new LedgerHistory("example-hospital", LocalDate.of(2026, 6, 14),
				List.of(new LedgerHistory.Event(LocalDate.of(2026, 2, 3), "emr-2026-02", 80_000, 80_000),
						new LedgerHistory.Event(LocalDate.of(2026, 5, 11), "emr-2026-05", 60_000, 43_000)));
		return new DraftInput(decision, details(), ledger, TODAY, lang);
	}

	/** spec/examples/pi-contract-range.json: 350,000 persons, a standard contract; no ledger. */
	static DraftInput contract(String lang, FilingDetails details) {
		Decision decision = decide(REPO.resolve("spec/examples/pi-contract-range.json"),
				cn.outbound.rules.engine.PriorCounts.NONE);
		return new DraftInput(decision, details, null, TODAY, lang);
	}

	static FilingDetails details() {
		try {
			return FilingDetailsReader.read(Files.readAllBytes(REPO.resolve("docs/examples/filing-details.json")),
					"filing-details.json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Decision decide(Path scenario, cn.outbound.rules.engine.PriorCounts prior) {
		try {
			Engine engine = new Engine(RulePacks.builtIn(), new EngineSettings(false));
			Scenario s = new ScenarioReader(engine.packs()).read(Files.readAllBytes(scenario), scenario.toString());
			return engine.decide(s, prior);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
