package cn.outbound.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import cn.outbound.filing.document.Draft;
import cn.outbound.filing.document.DraftInput;
import cn.outbound.filing.document.Drafts;
import cn.outbound.filing.document.FilingDetails;
import cn.outbound.filing.document.FilingDetailsReader;
import cn.outbound.filing.document.FilingDrafts;
import cn.outbound.filing.document.LedgerHistory;
import cn.outbound.report.CjkFont;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePacks;
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
 * Drafting all documents of one filing after start-up (issue #14: under 2 s): a security assessment with the
 * documented details file and a ledger history, its three documents made and each written as DOCX and PDF (in memory;
 * the font loaded once at start-up, as the server and a CLI run do). {@code draftStandardContract} does the same for
 * the four documents of a standard contract. Run from the repository's root (it reads docs/examples/filing-details.json).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DraftBenchmark {

	static final String HOSPITAL = """
			{"schema":"outbound/scenario/v1","jurisdiction":"tianjin-ftz","date":"2026-06-15",
			 "processor":{"id":"example-hospital","name":"测试企业（天津）有限公司","ciio":false},
			 "recipient":{"name":"Example Health Research Pte. Ltd.","country":"SG"},
			 "data":[{"item":31,"description":"电子病历","facts":{"sensitivePiIndividuals":250000}}],
			 "personalInformation":[{"individuals":0,"sensitiveIndividuals":250000,"basis":"NONE"}]}
			""";

	static final String CONTRACT = """
			{"schema":"outbound/scenario/v1","jurisdiction":"tianjin-ftz","date":"2026-06-15",
			 "processor":{"name":"测试企业（天津）有限公司","ciio":false},
			 "personalInformation":[{"individuals":350000,"sensitiveIndividuals":0,"basis":"NONE"}]}
			""";

	DraftInput securityAssessment;

	DraftInput standardContract;

	FilingDrafts writer;

	@Setup
	public void setUp() throws IOException {
		Engine engine = new Engine(RulePacks.builtIn(), new EngineSettings(false));
		ScenarioReader reader = new ScenarioReader(engine.packs());
		FilingDetails details = FilingDetailsReader.read(
				Files.readAllBytes(Path.of("docs/examples/filing-details.json")), "filing-details.json");
		Scenario hospital = reader.read(HOSPITAL.getBytes(StandardCharsets.UTF_8), "hospital");
		Decision sa = engine.decide(hospital, (p, d) -> Optional.of(new Scenario.Counts(120_000, 3_000)));
		LedgerHistory ledger = new LedgerHistory("example-hospital", hospital.date(),
				List.of(new LedgerHistory.Event(LocalDate.of(2026, 2, 3), "emr-2026-02", 80_000, 80_000),
						new LedgerHistory.Event(LocalDate.of(2026, 5, 11), "emr-2026-05", 60_000, 43_000)));
		this.securityAssessment = new DraftInput(sa, details, ledger, LocalDate.of(2026, 6, 20), "zh");
		Decision sc = engine.decide(reader.read(CONTRACT.getBytes(StandardCharsets.UTF_8), "contract"));
		this.standardContract = new DraftInput(sc, details, null, LocalDate.of(2026, 6, 20), "zh");
		this.writer = FilingDrafts.official(CjkFont.fromEnvironment(System.getenv()));
	}

	@Benchmark
	public Map<String, byte[]> draftSecurityAssessment() {
		List<Draft> drafts = Drafts.of(this.securityAssessment);
		return this.writer.render(drafts);
	}

	@Benchmark
	public Map<String, byte[]> draftStandardContract() {
		return this.writer.render(Drafts.of(this.standardContract));
	}

}
