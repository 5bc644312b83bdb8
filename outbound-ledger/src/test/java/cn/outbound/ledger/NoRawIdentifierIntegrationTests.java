package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue #4: no raw identifier in the database files, the spill files, the logs or any message. Records events of
 * every identifier kind (and rejected ones, and a what-if), captures standard output, standard error and
 * java.util.logging meanwhile, then scans every byte for every identifier as written and normalised, in UTF-8,
 * UTF-16 and GBK. On PostgreSQL (when configured) it scans the ledger tables' contents and, when this user can read
 * them, their data files and the server log.
 */
class NoRawIdentifierIntegrationTests {

	private static final Charset GBK = Charset.forName("GBK");

	/** The identifiers used: written forms, and every normal form. */
	private final Set<String> secrets = new LinkedHashSet<>();

	private List<String> residentIds() {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			out.add(TestIds.residentId(5_000_000 + i * 7));
		}
		out.add(TestIds.ZHANG_WEI_ID.toLowerCase());
		out.add("110105491231002");
		return out;
	}

	private void remember(IdentifierKind kind, List<String> values) {
		for (String v : values) {
			this.secrets.add(v.strip());
			try {
				this.secrets.add(Identifiers.normalise(kind, v));
			}
			catch (RuntimeException ex) {
				// an invalid value: its written form is enough
			}
		}
	}

	private void exercise(Ledger ledger, String p) {
		List<String> ids = residentIds();
		List<String> mobiles = List.of("+86 139-1234-5678", "13987654321", "0086 13811112222");
		List<String> emails = List.of("Zhang.Wei@Example.CN", "li.na@example.com");
		List<String> passports = List.of("E12345678", "G87654321");
		List<String> opaque = List.of("CUST-00012345", "客户编号-778899");
		remember(IdentifierKind.RESIDENT_ID, ids);
		remember(IdentifierKind.MOBILE, mobiles);
		remember(IdentifierKind.EMAIL, emails);
		remember(IdentifierKind.PASSPORT, passports);
		remember(IdentifierKind.OPAQUE, opaque);
		LocalDate d = LocalDate.of(2026, 6, 1);
		ledger.record(EventSpec.of(p, "ids", d, Basis.NONE), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, ids));
		ledger.record(EventSpec.of(p, "mob", d, Basis.NONE), Persons.of(PersonClass.SENSITIVE, IdentifierKind.MOBILE, mobiles));
		ledger.record(EventSpec.of(p, "mail", d, Basis.HR), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.EMAIL, emails));
		ledger.record(EventSpec.of(p, "pass", d, Basis.NONE), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.PASSPORT, passports));
		ledger.record(EventSpec.of(p, "opaque", d, Basis.NONE), Persons.of(PersonClass.NON_SENSITIVE, Persons.AUTO, opaque));
		// rejected and skipped invalid rows: the messages carry masked values only
		List<String> bad = List.of("110105194912310021", "1391234567", "not-an-email@", "E1234");
		remember(IdentifierKind.OPAQUE, bad);
		List<String> mixed = new ArrayList<>(bad);
		mixed.add(TestIds.ZHANG_WEI_ID);
		assertThatThrownBy(() -> ledger.record(EventSpec.of(p, "bad", d, Basis.NONE),
				Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, mixed)))
			.isInstanceOfSatisfying(InvalidIdentifiersException.class, ex -> {
				String all = ex.getMessage() + ex.rows();
				for (String s : this.secrets) {
					assertThat(all).doesNotContain(s);
				}
				System.err.println(ex.getMessage() + " " + ex.rows());
			});
		RecordResult r = ledger.record(EventSpec.of(p, "bad", d, Basis.NONE),
				Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, mixed),
				IngestOptions.DEFAULT.withSkipInvalid(true));
		System.out.println(r);
		WhatIf w = ledger.whatIf(p, d, Basis.NONE, Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.MOBILE, mobiles),
				Thresholds.NATIONAL_2024);
		System.out.println(w);
		System.out.println(LedgerJson.pretty(LedgerJson.status(ledger.status(p, 2026, LocalDate.of(2026, 12, 31),
				Thresholds.NATIONAL_2024))));
		System.out.println(LedgerJson.pretty(LedgerJson.events(ledger.events(p, 2026))));
	}

	/** Runs {@code body} with stdout, stderr and JUL captured; returns what was captured. */
	private static byte[] captured(ThrowingRunnable body) throws Exception {
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
		PrintStream out = System.out;
		PrintStream err = System.err;
		Logger root = Logger.getLogger("");
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				capture.println(record.getLoggerName() + " " + record.getMessage() + " "
						+ ((record.getThrown() != null) ? record.getThrown() : ""));
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		root.addHandler(handler);
		System.setOut(capture);
		System.setErr(capture);
		try {
			body.run();
		}
		finally {
			System.setOut(out);
			System.setErr(err);
			root.removeHandler(handler);
		}
		return buf.toByteArray();
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	private void assertNoSecretIn(String what, byte[] data) {
		assertThat(this.secrets).hasSizeGreaterThan(300);
		for (String s : this.secrets) {
			for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, GBK)) {
				byte[] needle = s.getBytes(cs);
				if (indexOf(data, needle) >= 0) {
					fail("a raw identifier (" + Identifiers.maskMiddle(s) + ", " + cs + ") is in " + what);
				}
			}
		}
	}

	private void assertNoSecretInFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				assertNoSecretIn(f.toString(), Files.readAllBytes(f));
			}
		}
	}

	static int indexOf(byte[] data, byte[] needle) {
		outer: for (int i = 0; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Test // #4 a test that scans the database files and the logs for a raw identifier and finds none
	void h2FilesSpillFilesAndLogsHoldNoRawIdentifier() throws Exception {
		Path data = Files.createTempDirectory("ledger-privacy");
		Path spill = Files.createTempDirectory("ledger-privacy-spill");
		byte[] log = captured(() -> {
			// the key file is generated as with the default database: the notice goes to the log too
			try (Database db = TestDatabases.h2(data)) {
				LedgerKey key = LedgerKey.resolve(db, java.util.Map.of(), System.err::println);
				Ledger ledger = Ledger.open(db, key, LedgerSettings.defaults().withSpillDirectory(spill).withRunCapacity(64));
				exercise(ledger, "privacy");
			}
		});
		assertThat(new String(log, StandardCharsets.UTF_8)).contains("RECORDED").contains("individuals");
		assertThat(Files.list(data).map(f -> f.getFileName().toString())).contains("outbound.mv.db", "ledger.key");
		assertNoSecretIn("the captured output and logs", log);
		assertNoSecretInFiles(data);
		assertNoSecretInFiles(spill);
		// controls: the scan finds what is there (the file is plain, not compressed), and would find an identifier
		byte[] db = Files.readAllBytes(data.resolve("outbound.mv.db"));
		assertThat(indexOf(db, "privacy".getBytes(StandardCharsets.UTF_8))).isNotNegative();
		assertThatThrownBy(() -> assertNoSecretIn("a control", ("x," + TestIds.ZHANG_WEI_ID + "\n").getBytes(GBK)))
			.hasMessageContaining("raw identifier");
		TestDatabases.deleteTree(data);
		TestDatabases.deleteTree(spill);
	}

	@Test // #4 the same on PostgreSQL
	void postgresTablesDataFilesAndLogHoldNoRawIdentifier() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.postgresConfigured(),
				"PostgreSQL tests need -D" + TestDatabases.POSTGRES_PROPERTY);
		String url = TestDatabases.freshPostgresUrl("ledger_privacy");
		List<Path> relationFiles = new ArrayList<>();
		ByteArrayOutputStream contents = new ByteArrayOutputStream();
		byte[] log = captured(() -> {
			try (Database db = Database.open(url, null, null)) {
				Ledger ledger = Ledger.open(db, LedgerKey.of(new byte[32]), LedgerSettings.defaults().withRunCapacity(64));
				exercise(ledger, "privacy");
				try (Connection c = db.connection(); Statement st = c.createStatement()) {
					st.execute("checkpoint");
					Path dataDir = null;
					try (ResultSet rs = st.executeQuery("show data_directory")) {
						rs.next();
						dataDir = Path.of(rs.getString(1));
					}
					for (String table : List.of("ledger_meta", "ledger_lock", "ledger_person_block", "ledger_event",
							"ledger_event_persons", "ledger_tally")) {
						try (ResultSet rs = st.executeQuery("select * from " + table)) {
							int cols = rs.getMetaData().getColumnCount();
							while (rs.next()) {
								for (int i = 1; i <= cols; i++) {
									byte[] b = rs.getBytes(i);
									if (b != null) {
										contents.write(b);
									}
								}
							}
						}
						try (ResultSet rs = st.executeQuery("select pg_relation_filepath('" + table + "'),"
								+ " (select pg_relation_filepath(reltoastrelid) from pg_class where oid = '" + table
								+ "'::regclass and reltoastrelid <> 0)")) {
							rs.next();
							for (int i = 1; i <= 2; i++) {
								if (rs.getString(i) != null) {
									relationFiles.add(dataDir.resolve(rs.getString(i)));
								}
							}
						}
					}
				}
			}
		});
		assertNoSecretIn("the captured output and logs", log);
		assertNoSecretIn("the ledger tables' contents", contents.toByteArray());
		assertThat(indexOf(contents.toByteArray(), "privacy".getBytes(StandardCharsets.UTF_8))).isNotNegative();
		int scanned = 0;
		for (Path f : relationFiles) {
			if (Files.isReadable(f)) {
				assertNoSecretIn(f.toString(), Files.readAllBytes(f));
				scanned++;
			}
		}
		Path serverLog = Path.of("/var/log/postgresql/postgresql-15-main.log");
		if (Files.isReadable(serverLog)) {
			assertNoSecretIn(serverLog.toString(), Files.readAllBytes(serverLog));
		}
		System.out.println("scanned " + scanned + " of " + relationFiles.size() + " PostgreSQL data files"
				+ (Files.isReadable(serverLog) ? " and the server log" : ""));
		TestDatabases.dropPostgresSchema(url);
	}

}
