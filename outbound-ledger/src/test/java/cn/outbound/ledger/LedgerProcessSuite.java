package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.outbound.ledger.db.Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that need separate JVMs: an ingest killed with SIGKILL, and two processes ingesting at once. Run on H2 and
 * on PostgreSQL by the subclasses.
 */
abstract class LedgerProcessSuite {

	static final byte[] KEY = new byte[32];

	/** A database URL of a fresh ledger; the database is created and migrated by the caller. */
	abstract String freshUrl(String name) throws Exception;

	final List<String> urls = new ArrayList<>();

	String fresh(String name) throws Exception {
		String url = freshUrl(name);
		this.urls.add(url);
		return url;
	}

	@org.junit.jupiter.api.AfterEach
	void dropDatabases() {
		this.urls.forEach(TestDatabases::drop);
		this.urls.clear();
	}

	static Process child(String url, String processor, String eventKey, long from, long to) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				ChildIngest.class.getName(), url, Base64.getEncoder().encodeToString(KEY), processor, eventKey,
				Long.toString(from), Long.toString(to)));
		ProcessBuilder pb = new ProcessBuilder(cmd);
		pb.redirectErrorStream(true);
		pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		return pb.start();
	}

	/** Reads the child's output until a line starting with {@code prefix}; returns all lines read. */
	static List<String> readUntil(Process p, BufferedReader out, String prefix) throws Exception {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = out.readLine()) != null) {
			lines.add(line);
			if (line.startsWith(prefix)) {
				return lines;
			}
		}
		throw new AssertionError("the child ended without '" + prefix + "': " + lines);
	}

	@Test // #4 a process killed during a 1,000,000-identifier ingest
	void anIngestKilledMidTransactionLeavesTheEventWholeOrAbsent() throws Exception {
		String url = fresh("kill");
		try (Database db = Database.open(url, null, null)) {
			Ledger.open(db, LedgerKey.of(KEY), LedgerSettings.defaults());
		}
		long[] delays = { 0, 300, 1200 };
		int absent = 0;
		for (int attempt = 0; attempt < delays.length; attempt++) {
			String eventKey = "million-" + attempt;
			Process p = child(url, "killed", eventKey, 0, 1_000_000);
			try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				List<String> lines = readUntil(p, out, "PHASE WRITING");
				assertThat(lines).contains("PHASE READING");
				Thread.sleep(delays[attempt]);
				p.destroyForcibly();
				assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
			}
			try (Database db = Database.open(url, null, null)) {
				Ledger ledger = Ledger.open(db, LedgerKey.of(KEY), LedgerSettings.defaults());
				LedgerStatus s = ledger.status("killed", 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
				boolean present = ledger.event("killed", eventKey).isPresent();
				System.out.printf("killed %d ms into the writing phase: event %s%n", delays[attempt],
						present ? "whole" : "absent");
				if (present) {
					assertThat(s.individuals()).isEqualTo(1_000_000);
				}
				else {
					absent++;
					assertThat(s.individuals()).as("an absent event must leave no persons").isEqualTo(
							(attempt > 0 && ledger.events("killed", 2026).size() > 0) ? 1_000_000 : 0);
				}
				long persons = LedgerChecks.directoryIsConsistent(db);
				assertThat(persons).isIn(0L, 1_000_000L);
			}
		}
		// at least the immediate kill must have hit the transaction
		assertThat(absent).isGreaterThanOrEqualTo(1);
		// and the ledger still works: the event can be recorded afterwards, once
		try (Database db = Database.open(url, null, null)) {
			Ledger ledger = Ledger.open(db, LedgerKey.of(KEY), LedgerSettings.defaults());
			ledger.record(EventSpec.of("killed", "after", LocalDate.of(2026, 5, 21), Basis.NONE),
					Persons.of(PersonClass.NON_SENSITIVE, cn.outbound.pii.IdentifierKind.RESIDENT_ID,
							TestIds.residentIds(999_990, 1_000_010)));
			assertThat(ledger.status("killed", 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024).individuals())
				.isIn(20L, 1_000_010L);
			LedgerChecks.directoryIsConsistent(db);
		}
	}

	@Test // #4 concurrent ingests from two processes
	void twoProcessesIngestingOverlappingSetsGiveTheExactUnion() throws Exception {
		String url = fresh("two");
		try (Database db = Database.open(url, null, null)) {
			// the parent keeps the database open (for H2 it is then the server the children connect to)
			Ledger ledger = Ledger.open(db, LedgerKey.of(KEY), LedgerSettings.defaults());
			Process a = child(url, "two", "a", 0, 150_000);
			Process b = child(url, "two", "b", 100_000, 250_000);
			Process c = child(url, "two", "a", 0, 150_000);
			List<String> outcomes = new ArrayList<>();
			for (Process p : List.of(a, b, c)) {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
					List<String> lines = readUntil(p, out, "DONE");
					outcomes.add(lines.get(lines.size() - 1));
				}
				assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
				assertThat(p.exitValue()).isZero();
			}
			assertThat(outcomes).containsExactlyInAnyOrder("DONE RECORDED", "DONE RECORDED", "DONE ALREADY_RECORDED");
			LedgerStatus s = ledger.status("two", 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
			assertThat(s.individuals()).isEqualTo(250_000);
			assertThat(s.events()).isEqualTo(2);
			assertThat(LedgerChecks.directoryIsConsistent(db)).isEqualTo(250_000);
		}
	}

}
