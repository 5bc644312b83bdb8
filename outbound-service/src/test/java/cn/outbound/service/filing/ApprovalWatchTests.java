package cn.outbound.service.filing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.filing.life.FilingState;
import cn.outbound.ledger.ClassCounts;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.rules.Basis;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.ledger.LedgerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regulations art. 38 on a real ledger (persons recorded to a recipient against an approval's scale, on both sides of
 * it) and art. 28 on both sides of the line the {@code cn-national} pack holds (10,000,000 persons "or more": the
 * number itself is on the line, docs/source/filing.md §2).
 */
class ApprovalWatchTests {

	static final cn.outbound.service.org.Scope SCOPE = cn.outbound.service.org.Scope.commandLine("tester", "default");


	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final Actor TESTER = new Actor("tester", "10.0.0.9");

	@TempDir
	Path dir;

	Services services;

	Ledger ledger;

	LedgerService ledgerService;

	Filings filings;

	ApprovalWatch watch;

	@BeforeEach
	void open() {
		DatabaseSettings settings = DatabaseSettings.of("jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath());
		this.services = Services.open(settings);
		this.ledger = LedgerService.openLedger(settings,
				Map.of("OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[32])), n -> {
				});
		this.ledgerService = new LedgerService(this.ledger, RulePacks::builtIn, this.services.writes());
		this.filings = new Filings(this.services.dataSource(), this.services.writes(),
				new FilingDeadlines(Deadlines.builtIn(), WorkingDays.builtIn()), Clock.systemUTC());
		this.watch = new ApprovalWatch(this.filings, RulePacks::builtIn);
	}

	@AfterEach
	void close() {
		this.ledger.close();
		this.services.close();
	}

	/** Synthetic, checksum-valid resident ID numbers (Beijing Chaoyang). */
	static List<String> ids(int from, int to) {
		List<String> ids = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String first17 = String.format("110105%04d0101%03d", 1950 + i / 1000, i % 1000);
			ids.add(first17 + ResidentIdNumber.checkDigit(first17));
		}
		return ids;
	}

	void record(String key, String recipient, PersonClass c, int from, int to) {
		this.ledgerService.record("default", new EventSpec("watch-p", key, TODAY, recipient, Basis.NONE, null),
				List.of(Persons.of(c, Persons.AUTO, ids(from, to))), IngestOptions.DEFAULT, TESTER, ex -> {
				});
	}

	Filing approved(long individuals) throws Exception {
		long a;
		try (Connection c = this.services.dataSource().getConnection();
				PreparedStatement ps = c.prepareStatement("insert into assessment (created_at, created_by, title,"
						+ " processor_id, processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition,"
						+ " pack_hash, scenario, decision) values (current_timestamp, 'alice', 't', 'watch-p', 'n',"
						+ " 'cn-national', date '2026-01-05', 'SECURITY_ASSESSMENT', '', 'cn-national', '2024', 'x', '{}',"
						+ " '{}')", new String[] { "id" })) {
			ps.executeUpdate();
			try (ResultSet rs = ps.getGeneratedKeys()) {
				rs.next();
				a = rs.getLong(1);
			}
		}
		Filing f = this.filings.create(SCOPE, a, TESTER);
		this.filings.advance(SCOPE, f.id(), new Advance(FilingState.SUBMITTED, TODAY, null, null), TESTER);
		this.filings.advance(SCOPE, f.id(), new Advance(FilingState.ACCEPTED, TODAY, null, null), TESTER);
		return this.filings.advance(SCOPE, f.id(), new Advance(FilingState.APPROVED, TODAY, null,
				new ApprovedScale(individuals, null, List.of("Acme GmbH"))), TESTER);
	}

	LedgerStatus status() {
		return this.ledgerService.status("default", "watch-p", null, TODAY, "cn-national");
	}

	@Test
	void exportsToAnApprovedRecipientBeyondItsScaleAreTold() throws Exception {
		Filing f = approved(3);
		record("e1", "Acme GmbH", PersonClass.NON_SENSITIVE, 0, 3);
		record("e2", "Other Ltd", PersonClass.NON_SENSITIVE, 100, 110); // not in the approval: not its scale
		assertThat(this.watch.notices("default", status())).isEmpty(); // 3 of 3: within

		record("e3", "Acme GmbH", PersonClass.NON_SENSITIVE, 2, 4); // one new person: 4 of 3
		List<ApprovalWatch.Notice> notices = this.watch.notices("default", status());
		assertThat(notices).singleElement().satisfies(n -> {
			assertThat(n.code()).isEqualTo("art-38-exceeded");
			assertThat(n.rule()).isEqualTo("ndsr-art-38");
			assertThat(n.filing()).isEqualTo(f.id());
			assertThat(n.citation().zh()).isEqualTo("《网络数据安全管理条例》第三十八条");
			assertThat(n.text().zh()).contains("申报 " + f.id() + " 批准向 Acme GmbH 提供一般个人信息 3 人，本年已提供 4 人，超出 1 人");
			assertThat(n.text().en()).startsWith("Beyond the approved scale (Regulations on Network Data Security Management, Article 38)");
		});

		record("e4", "Acme GmbH", PersonClass.SENSITIVE, 500, 501); // a class the approval did not name
		assertThat(this.watch.notices("default", status())).extracting(n -> n.text().en())
			.anySatisfy(t -> assertThat(t).contains("approved no sensitive personal information for Acme GmbH")
				.contains("it was sent for 1 person this year"));

		ApprovalWatch.Growth g = ApprovalWatch.growth(f, status());
		assertThat(g.individuals()).isEqualTo(14);
		assertThat(g.individualsGrowthPercent()).isEqualTo(366.7); // (14 - 3) / 3
		assertThat(g.sensitiveGrowthPercent()).isNull();
	}

	static LedgerStatus counted(long individuals, long sensitive, long exempt) {
		return new LedgerStatus("big", TODAY.getYear(), TODAY, individuals, sensitive, new ClassCounts(exempt, 0), false,
				1, TODAY, "cn-national 2024", List.of(), List.of(), List.of(), List.of(), List.of());
	}

	static RulePack national() {
		return RulePacks.builtIn().inForce("cn-national", TODAY).orElseThrow();
	}

	@Test
	void theLineOfArticle28IsRuleData() {
		assertThat(national().personalInformation().importantDataDuties().atLeast()).isEqualTo(10_000_000L);
		assertThat(national().personalInformation().importantDataDuties().rule()).isEqualTo("ndsr-art-28");
	}

	@ParameterizedTest(name = "{0} + {1} sensitive + {2} exempt: {3}")
	@CsvSource({ "9999999, 0, 0, none", "10000000, 0, 0, art-28-important-data-duties",
			"10000001, 0, 0, art-28-important-data-duties", "0, 10000000, 0, art-28-important-data-duties",
			"0, 0, 10000000, art-28-important-data-duties", "6000000, 3999999, 0, none",
			"6000000, 4000000, 0, art-28-may-apply", "9999999, 1, 0, art-28-may-apply" })
	void article28OnBothSidesOfTheLine(long individuals, long sensitive, long exempt, String expected) {
		List<ApprovalWatch.Notice> notices = ApprovalWatch.importantDataDuties(counted(individuals, sensitive, exempt),
				national(), RulePacks.builtIn());
		if (expected.equals("none")) {
			assertThat(notices).isEmpty();
		}
		else {
			assertThat(notices).singleElement().satisfies(n -> {
				assertThat(n.code()).isEqualTo(expected);
				assertThat(n.citation().zh()).isEqualTo("《网络数据安全管理条例》第二十八条");
				assertThat(n.text().zh()).contains("10000000 人以上");
				assertThat(n.text().en()).contains("10000000 persons or more");
			});
		}
	}

	@Test
	void aStatusOfARealLedgerCarriesArticle28ThroughTheService() throws Exception {
		record("small", "Acme GmbH", PersonClass.NON_SENSITIVE, 0, 5);
		assertThat(this.watch.notices("default", status())).isEmpty();
	}

}
