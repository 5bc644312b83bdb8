package cn.outbound.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second, single thread: a typical scenario (one data item, one PI group) and a large one (all 43 data
 * items with their facts, several PI groups, prior counts). {@code decide} is the engine alone on a parsed scenario;
 * {@code parseDecideRender} adds reading the JSON document and writing the decision JSON, as the CLI and API do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DecisionBenchmark {

	public static final String TYPICAL = """
			{"schema":"outbound/scenario/v1","jurisdiction":"tianjin-ftz","date":"2026-03-15",
			 "processor":{"id":"example-tj","name":"示例科技（天津）有限公司","ciio":false},
			 "recipient":{"name":"Example Pte. Ltd.","country":"SG"},
			 "data":[{"item":20,"description":"loan ledger","facts":{"affectedCustomers":1200000}}],
			 "personalInformation":[{"individuals":120000,"sensitiveIndividuals":0,"basis":"NONE"}],
			 "priorThisYear":{"individuals":0,"sensitiveIndividuals":0}}
			""";

	Engine engine;

	ScenarioReader reader;

	Scenario typical;

	Scenario large;

	byte[] typicalJson;

	byte[] largeJson;

	@Setup
	public void setUp() {
		RulePacks packs = RulePacks.builtIn();
		this.engine = new Engine(packs);
		this.reader = new ScenarioReader(packs);
		this.typicalJson = TYPICAL.getBytes(StandardCharsets.UTF_8);
		this.largeJson = large().getBytes(StandardCharsets.UTF_8);
		this.typical = this.reader.read(this.typicalJson, "typical.json");
		this.large = this.reader.read(this.largeJson, "large.json");
	}

	/** All 43 data items, each with facts where the item has any, and four PI groups. */
	static String large() {
		StringBuilder data = new StringBuilder();
		for (int i = 1; i <= 43; i++) {
			if (data.length() > 0) {
				data.append(',');
			}
			String facts = switch (i) {
				case 1, 2, 11, 12 -> "{\"generalCommercialActivity\":false}";
				case 5, 6, 7, 8, 23, 43 -> "{\"publiclyReleased\":false}";
				case 14 -> "{\"facility\":\"THERMAL\",\"unitCapacityMW\":1000,\"totalCapacityMW\":2800}";
				case 18 -> "{\"aboveDesignatedSize\":false,\"urbanUtilityControl\":true}";
				case 19 -> "{\"sensitiveAreaData\":false,\"sensitivePiIndividuals\":50000}";
				case 20, 21, 22 -> "{\"affectedCustomers\":" + (i * 50000) + "}";
				case 26 -> "{\"platformUsers\":200000000,\"publiclyReleased\":false}";
				case 27 -> "{\"behaviorDataUsers\":90000}";
				case 28, 29, 31 -> "{\"sensitivePiIndividuals\":120000}";
				case 39 -> "{\"domesticIndividuals\":10,\"domesticSensitiveIndividuals\":20000}";
				default -> "{\"qualifies\":" + (i % 2 == 0) + "}";
			};
			data.append("{\"item\":").append(i).append(",\"facts\":").append(facts).append('}');
		}
		return "{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\",\"date\":\"2026-09-01\","
				+ "\"processor\":{\"id\":\"big\",\"name\":\"大型企业\",\"ciio\":false},\"data\":[" + data + "],"
				+ "\"personalInformation\":[{\"individuals\":300000,\"sensitiveIndividuals\":2000,\"basis\":\"NONE\"},"
				+ "{\"individuals\":50000,\"basis\":\"CONTRACT\"},{\"individuals\":3000,\"basis\":\"HR\"},"
				+ "{\"individuals\":100,\"sensitiveIndividuals\":100,\"basis\":\"NONE\"}],"
				+ "\"priorThisYear\":{\"individuals\":200000,\"sensitiveIndividuals\":500}}";
	}

	@Benchmark
	public Decision decideTypical() {
		return this.engine.decide(this.typical);
	}

	@Benchmark
	public Decision decideLarge() {
		return this.engine.decide(this.large);
	}

	@Benchmark
	public byte[] parseDecideRenderTypical() {
		return DecisionJson.compactUtf8(DecisionJson.toJson(this.engine.decide(this.reader.read(this.typicalJson, "typical.json"))));
	}

	@Benchmark
	public byte[] parseDecideRenderLarge() {
		return DecisionJson.compactUtf8(DecisionJson.toJson(this.engine.decide(this.reader.read(this.largeJson, "large.json"))));
	}

}
