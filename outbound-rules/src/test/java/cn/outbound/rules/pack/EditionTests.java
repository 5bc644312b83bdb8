package cn.outbound.rules.pack;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new edition is a new data file and nothing else: the engine picks the edition in force on the scenario's date.
 * The test pack {@code editions/tianjin-ftz-2025-test.yaml} moves item 20's threshold to 500,000 customers from
 * 2025-07-01.
 */
class EditionTests {

	static final RulePacks PACKS = RulePacks.builtInAnd(editions());

	static final Engine ENGINE = new Engine(PACKS);

	static Path editions() {
		try {
			return Path.of(EditionTests.class.getResource("/editions").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Decision decide(String date, long customers) {
		String json = Fixtures.tianjin(Fixtures.item(20, "{\"affectedCustomers\":" + customers + "}")).replace("2026-06-15", date);
		return ENGINE.decide(new ScenarioReader(PACKS).read(json.getBytes(StandardCharsets.UTF_8), "s.json"));
	}

	@Test
	void theEditionInForceOnTheScenarioDateDecides() {
		Decision before = decide("2025-06-30", 600000);
		assertThat(before.rulePack().edition()).isEqualTo("2024");
		assertThat(before.outcome()).isEqualTo(Mechanism.EXEMPT);
		Decision after = decide("2025-07-01", 600000);
		assertThat(after.rulePack().edition()).isEqualTo("2025-test");
		assertThat(after.outcome()).isEqualTo(Mechanism.SECURITY_ASSESSMENT);
		assertThat(after.items()).containsExactly(20);
		assertThat(after.rulePack().contentHash()).isNotEqualTo(before.rulePack().contentHash());
	}

	@Test
	void theMovedThresholdHasBothBoundaries() {
		assertThat(decide("2026-01-01", 499999).items()).isEmpty();
		assertThat(decide("2026-01-01", 500000).items()).containsExactly(20);
	}

	@Test
	void theBuiltInPacksAloneStillUseTheFirstEdition() {
		assertThat(Fixtures.ENGINE.decide(Fixtures.scenario(Fixtures.tianjin(Fixtures.item(20, "{\"affectedCustomers\":600000}"))))
			.rulePack()
			.edition()).isEqualTo("2024");
	}

	@Test
	void compiledAndSourcePacksAreTheSame() {
		var compiled = RulePacks.loadBuiltIn();
		var sources = RulePacks.loadBuiltInSources();
		assertThat(compiled).hasSameSizeAs(sources);
		for (int i = 0; i < compiled.size(); i++) {
			RulePack a = compiled.get(i);
			RulePack b = sources.get(i);
			assertThat(a.contentHash()).isEqualTo(b.contentHash());
			assertThat(a.items().keySet()).isEqualTo(b.items().keySet());
			assertThat(a.facts()).isEqualTo(b.facts());
			assertThat(a.personalInformation()).isEqualTo(b.personalInformation());
			assertThat(a.obligations()).isEqualTo(b.obligations());
			a.items().forEach((n, item) -> assertThat(item.description()).isEqualTo(b.item(n).description()));
		}
	}

}
