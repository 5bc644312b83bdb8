package cn.outbound.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IngestListener;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.LedgerKeyException;
import cn.outbound.ledger.LedgerSettings;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.Thresholds;
import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.rules.Basis;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --record-to-ledger} from Spark, on H2 and (when {@code -Doutbound.test.postgres.url} is given, as CI does)
 * on PostgreSQL: the executors' keyed hashes are the ledger's own (the same identifiers recorded the ledger's way find
 * nobody new), exactly the report's persons per class, once per event key, and a job stopped while handing the
 * hashes over leaves no trace of the event.
 */
class SparkLedgerIntegrationTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	static final String PROCESSOR = "example-tj";

	@TempDir
	Path dir;

	private Database db;

	private String schema;

	static Stream<String> databases() {
		String pg = System.getProperty("outbound.test.postgres.url");
		return (pg != null && !pg.isBlank()) ? Stream.of("h2", "postgresql") : Stream.of("h2");
	}

	@AfterEach
	void close() throws SQLException {
		SparkScan.stages = SparkScan.Stages.NONE;
		if (this.db != null) {
			this.db.close();
		}
		if (this.schema != null) {
			try (Connection c = DriverManager.getConnection(System.getProperty("outbound.test.postgres.url"));
					Statement s = c.createStatement()) {
				s.execute("drop schema if exists " + this.schema + " cascade");
			}
		}
	}

	@ParameterizedTest // #12
	@MethodSource("databases")
	void recordsTheReportsPersonsOnceUnderTheLedgersOwnHashes(String database) throws IOException {
		Data data = Data.write(this.dir.resolve("export.csv"), 2500);
		LedgerKey key = LedgerKey.generate();
		try (Ledger ledger = Ledger.open(open(database), key, LedgerSettings.defaults().withSpillDirectory(this.dir));
				SparkScan.Result result = scan(data.file, HashKey.ofLedger(key))) {
			ScanReport report = result.report();
			assertThat(report.persons().distinct()).isEqualTo(data.persons);
			assertThat(report.persons().minors()).isEqualTo(data.minors);
			EventSpec event = new EventSpec(PROCESSOR, "batch-1", AS_OF, "HK recipient", Basis.NONE, null);
			RecordResult first = LedgerHandOff.record(result, ledger, event, IngestListener.NONE);
			assertThat(first.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
			assertThat(first.part(PersonClass.SENSITIVE).persons()).isEqualTo(report.persons().sensitiveIndividuals());
			// everyone has a name (non-sensitive PI) and an ID number: non-minors count as non-sensitive too
			assertThat(first.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(report.persons().individuals());
			LedgerStatus before = status(ledger);
			RecordResult again = LedgerHandOff.record(result, ledger, event, IngestListener.NONE);
			assertThat(again.outcome()).isEqualTo(RecordResult.Outcome.ALREADY_RECORDED);
			assertThat(status(ledger)).usingRecursiveComparison().isEqualTo(before);
			assertThat(before.individuals()).isEqualTo(report.persons().individuals());
			assertThat(before.sensitiveIndividuals()).isEqualTo(report.persons().sensitiveIndividuals());
			// the same persons given to the ledger as identifiers, as `outbound ledger record` does: nobody is new
			RecordResult raw = ledger.record(EventSpec.of(PROCESSOR, "raw-ids", AS_OF, Basis.NONE),
					Persons.of(PersonClass.SENSITIVE, IdentifierKind.RESIDENT_ID, data.ids));
			assertThat(raw.part(PersonClass.SENSITIVE).persons()).isEqualTo(data.persons);
			assertThat(raw.part(PersonClass.SENSITIVE).newThisYear()).isZero();
		}
	}

	@ParameterizedTest // #12
	@MethodSource("databases")
	void aJobStoppedWhileHandingOverTheHashesLeavesNoEvent(String database) throws IOException {
		Data data = Data.write(this.dir.resolve("export.csv"), 2500);
		LedgerKey key = LedgerKey.generate();
		try (Ledger ledger = Ledger.open(open(database), key, LedgerSettings.defaults().withSpillDirectory(this.dir));
				SparkScan.Result result = scan(data.file, HashKey.ofLedger(key))) {
			EventSpec event = EventSpec.of(PROCESSOR, "batch-2", AS_OF, Basis.NONE);
			SparkScan.stages = new SparkScan.Stages() {
				@Override
				public void hashed(long handed) {
					if (handed >= 1024) {
						throw new IllegalStateException("executor lost (test)");
					}
				}
			};
			assertThatThrownBy(() -> LedgerHandOff.record(result, ledger, event, IngestListener.NONE))
				.hasMessageContaining("executor lost");
			assertThat(ledger.event(PROCESSOR, "batch-2")).isEmpty();
			assertThat(status(ledger).individuals()).isZero();
			assertThat(status(ledger).sensitiveIndividuals()).isZero();
			SparkScan.stages = SparkScan.Stages.NONE;
			RecordResult r = LedgerHandOff.record(result, ledger, event, IngestListener.NONE);
			assertThat(r.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
			assertThat(status(ledger).sensitiveIndividuals()).isEqualTo(data.persons);
		}
	}

	@ParameterizedTest // #12
	@MethodSource("databases")
	void refusesHashesMadeUnderAnotherKey(String database) throws IOException {
		Data data = Data.write(this.dir.resolve("export.csv"), 300);
		try (Ledger ledger = Ledger.open(open(database), LedgerKey.generate(), LedgerSettings.defaults());
				SparkScan.Result result = scan(data.file, HashKey.ofLedger(LedgerKey.generate()))) {
			assertThatThrownBy(() -> LedgerHandOff.record(result, ledger,
					EventSpec.of(PROCESSOR, "batch-3", AS_OF, Basis.NONE), IngestListener.NONE))
				.isInstanceOf(LedgerKeyException.class)
				.hasMessageContaining("nothing was recorded");
			assertThat(ledger.event(PROCESSOR, "batch-3")).isEmpty();
		}
	}

	private static LedgerStatus status(Ledger ledger) {
		return ledger.status(PROCESSOR, 2026, AS_OF, Thresholds.NATIONAL_2024);
	}

	private static SparkScan.Result scan(Path file, HashKey key) throws IOException {
		return SparkScan.scan(SharedSpark.session(), SparkScan.Input.files(null, file.toString()),
				SparkScan.Options.of(ScanSettings.defaults(AS_OF)), key);
	}

	private Database open(String database) {
		if (database.equals("h2")) {
			this.db = Database.open("jdbc:h2:file:" + this.dir.resolve("ledger").toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", null, null);
			return this.db;
		}
		String base = System.getProperty("outbound.test.postgres.url");
		this.schema = "spark_ledger_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("create schema " + this.schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("-Doutbound.test.postgres.url is set but PostgreSQL cannot be reached: "
					+ ex.getMessage(), ex);
		}
		this.db = Database.open(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + this.schema, null, null);
		return this.db;
	}

	/** A synthetic export (every identifier made up): ID number, name, diagnosis; some persons on several rows. */
	record Data(Path file, long persons, long minors, List<String> ids) {

		static Data write(Path file, int persons) throws IOException {
			Random random = new Random(persons);
			List<String> ids = new ArrayList<>();
			long minors = 0;
			for (int p = 0; p < persons; p++) {
				LocalDate birth = (p % 7 == 0) ? AS_OF.minusYears(5).minusDays(p % 300)
						: LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
				String first17 = "120101" + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
						birth.getDayOfMonth(), p % 1000);
				String id = first17 + ResidentIdNumber.checkDigit(first17);
				if (ids.contains(id)) {
					continue;
				}
				ids.add(id);
				if (ResidentIdNumber.ageOn(id, 0, AS_OF) < 14) {
					minors++;
				}
			}
			try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				w.write("身份证号,姓名,诊断\n");
				String[] names = { "张伟", "王芳", "李娜", "刘洋", "陈静" };
				String[] diagnoses = { "高血压", "2型糖尿病", "肺炎" };
				for (int i = 0; i < ids.size() * 3 / 2; i++) {
					String id = ids.get(i % ids.size());
					w.write(id + "," + names[i % names.length] + "," + diagnoses[i % diagnoses.length] + "\n");
				}
			}
			return new Data(file, ids.size(), minors, ids);
		}

	}

}
