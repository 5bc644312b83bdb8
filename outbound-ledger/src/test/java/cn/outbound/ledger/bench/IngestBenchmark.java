package cn.outbound.ledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import cn.outbound.rules.Basis;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.IngestListener;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.LedgerSettings;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.TestDatabases;
import cn.outbound.ledger.TestIds;
import cn.outbound.ledger.Thresholds;
import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.internal.PersonHasher;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.tables.TableReader;

/**
 * Ingest benchmark (issue #4, part 6). Generates a CSV of N synthetic resident ID numbers in scrambled order (half of
 * them recorded beforehand in the same year), records it into PostgreSQL through the public API, and reports
 * identifiers per second end to end (CSV read, normalise, HMAC, sort, database, commit), the peak heap, and the
 * latency of {@code status} at that size. Then measures the naive way, one
 * {@code INSERT ... ON CONFLICT DO NOTHING} per row into a table with a unique index on the hash (pre-loaded with
 * the same prior persons), on a smaller sample, and extrapolates.
 *
 * <pre>
 * java -Xmx512m -cp ... cn.outbound.ledger.bench.IngestBenchmark --url jdbc:postgresql://127.0.0.1:5432/test?user=postgres
 *     [--rows 10000000] [--naive-rows 200000] [--dir /tmp/outbound-bench] [--keep]
 * </pre>
 * The PostgreSQL schema made for the run is dropped at the end unless {@code --keep} is given. {@code --url jdbc:h2}
 * runs it on a fresh H2 file (no naive part).
 */
public final class IngestBenchmark {

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = null;
		long rows = 10_000_000;
		int naiveRows = 200_000;
		boolean keep = false;
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "outbound-bench");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = args[++i];
				case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
				case "--naive-rows" -> naiveRows = Integer.parseInt(args[++i].replace("_", ""));
				case "--dir" -> dir = Path.of(args[++i]);
				case "--keep" -> keep = true;
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("--url jdbc:postgresql://... (or jdbc:h2 for the embedded database) is required");
		}
		boolean h2 = url.startsWith("jdbc:h2");
		if (!h2) {
			System.setProperty(TestDatabases.POSTGRES_PROPERTY, url);
		}
		Files.createDirectories(dir);
		long half = rows / 2;
		Runtime rt = Runtime.getRuntime();
		say("machine: %d processors, max heap %d MB, Java %s", rt.availableProcessors(), rt.maxMemory() >> 20,
				System.getProperty("java.version"));

		for (long n : new long[] { 0, 1, 999, 1000, 12_345_678, 29_999_999 }) {
			if (!fastResidentId(n).equals(TestIds.residentId(n))) {
				throw new IllegalStateException("fastResidentId disagrees at " + n);
			}
		}
		Path csv = dir.resolve("ids-" + rows + ".csv");
		if (!Files.exists(csv) || Files.size(csv) == 0) {
			long t0 = System.nanoTime();
			writeCsv(csv, rows);
			say("generated %s (%,d rows, %,d MB) in %.1f s", csv, rows, Files.size(csv) >> 20, secs(t0));
		}
		else {
			say("reusing %s (%,d MB)", csv, Files.size(csv) >> 20);
		}

		String schemaUrl = h2 ? TestDatabases.h2Url(Files.createTempDirectory(dir, "h2-"))
				: TestDatabases.freshPostgresUrl("ingest_bench");
		LedgerKey key = LedgerKey.generate();
		LocalDate day = LocalDate.of(2026, 3, 15);
		try (Database db = Database.open(schemaUrl, null, null)) {
			Ledger ledger = Ledger.open(db, key, LedgerSettings.defaults().withSpillDirectory(dir));

			long t0 = System.nanoTime();
			RecordResult prior = ledger.record(EventSpec.of("bench", "prior", day.minusDays(30), Basis.NONE),
					new Persons(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID,
							IdentifierSource.of(new IdIterator(0, half))),
					IngestOptions.DEFAULT);
			double priorSecs = secs(t0);
			say("prior event: %,d persons recorded in %.1f s (%,.0f identifiers/s)",
					prior.part(PersonClass.NON_SENSITIVE).persons(), priorSecs, half / priorSecs);
			vacuum(db);

			System.gc();
			resetPeaks();
			CpuSample cpuBefore = CpuSample.now();
			t0 = System.nanoTime();
			RecordResult r;
			long[] phases = new long[3];
			long[] cpu = new long[3];
			var threads = ManagementFactory.getThreadMXBean();
			IngestListener phaseTimes = new IngestListener() {

				@Override
				public void phase(Phase phase) {
					phases[phase.ordinal()] = System.nanoTime();
					cpu[phase.ordinal()] = threads.getCurrentThreadCpuTime();
				}

			};
			try (TableReader reader = TableReader.open(csv)) {
				r = ledger.record(EventSpec.of("bench", "file", day, Basis.NONE),
						new Persons(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID,
								IdentifierSource.column(reader, "id_number")),
						IngestOptions.DEFAULT.withListener(phaseTimes));
			}
			double secs = secs(t0);
			CpuSample cpuAfter = CpuSample.now();
			long peak = peakHeap();
			RecordResult.Part part = r.part(PersonClass.NON_SENSITIVE);
			say("");
			say("INGEST  %,d identifiers from CSV into %s in %.2f s = %,.0f identifiers/s end to end", r.rowsRead(),
					db.dialect(), secs, r.rowsRead() / secs);
			say("        persons in file %,d, new this year %,d (already recorded %,d)", part.persons(),
					part.newThisYear(), part.persons() - part.newThisYear());
			say("        peak heap during the ingest %d MB (max heap %d MB)", peak >> 20, rt.maxMemory() >> 20);
			say("        phases: read+normalise+hash+spill %.2f s, merge+database+commit %.2f s (of which %.2f s CPU in this JVM's thread)",
					(phases[1] - phases[0]) / 1e9, (phases[2] - phases[1]) / 1e9, (cpu[2] - cpu[1]) / 1e9);
			say("        %s", cpuAfter.since(cpuBefore, secs));

			vacuum(db);
			LedgerStatus s = null;
			for (int i = 0; i < 20; i++) {
				s = ledger.status("bench", 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
			}
			int n = 200;
			long[] times = new long[n];
			for (int i = 0; i < n; i++) {
				long t = System.nanoTime();
				s = ledger.status("bench", 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
				times[i] = System.nanoTime() - t;
			}
			Arrays.sort(times);
			say("STATUS  at %,d persons: median %.2f ms, p95 %.2f ms, max %.2f ms (%d calls)", s.individuals(),
					times[n / 2] / 1e6, times[n * 95 / 100] / 1e6, times[n - 1] / 1e6, n);
			long[] mid = new long[50];
			for (int i = 0; i < mid.length; i++) {
				long t = System.nanoTime();
				ledger.countsUpTo("bench", day.minusDays(1));
				mid[i] = System.nanoTime() - t;
			}
			Arrays.sort(mid);
			say("        countsUpTo a day inside a month with later events (reads bitmaps): median %.1f ms",
					mid[mid.length / 2] / 1e6);

			if (naiveRows > 0 && !h2) {
				naive(db, key, csv, half, naiveRows, r.rowsRead() / secs);
			}
		}
		if (!keep) {
			TestDatabases.dropPostgresSchema(schemaUrl);
		}
	}

	/**
	 * The naive way: table (processor, year, class, hash) with a unique index, pre-loaded with the prior persons'
	 * hashes (bulk load, not timed); then, timed, for each row of the first {@code sample} rows of the same CSV:
	 * read, normalise, HMAC, one INSERT ... ON CONFLICT DO NOTHING, all in one transaction.
	 */
	private static void naive(Database db, LedgerKey key, Path csv, long priorCount, int sample, double fastRate)
			throws Exception {
		PersonHasher hasher = hasher(key);
		try (Connection c = db.connection()) {
			try (Statement st = c.createStatement()) {
				st.execute("create table naive_entry (processor varchar(200) not null, entry_year int not null,"
						+ " sensitive boolean not null, id_hash bytea not null)");
			}
			long t0 = System.nanoTime();
			CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy naive_entry (processor, entry_year, sensitive, id_hash) from stdin");
			byte[] h = new byte[32];
			StringBuilder sb = new StringBuilder();
			for (long i = 0; i < priorCount; i++) {
				hasher.hash(IdentifierKind.RESIDENT_ID, TestIds.residentId(i), h, 0);
				sb.setLength(0);
				sb.append("bench\t2026\tf\t\\\\x").append(java.util.HexFormat.of().formatHex(h)).append('\n');
				byte[] line = sb.toString().getBytes(StandardCharsets.US_ASCII);
				copy.writeToCopy(line, 0, line.length);
			}
			copy.endCopy();
			try (Statement st = c.createStatement()) {
				st.execute("alter table naive_entry add constraint naive_entry_key"
						+ " primary key (processor, entry_year, sensitive, id_hash)");
				st.execute("analyze naive_entry");
			}
			say("NAIVE   pre-loaded %,d prior hashes (COPY + index build, not timed) in %.1f s", priorCount, secs(t0));
			c.setAutoCommit(false);
			long inserted = 0;
			long n = 0;
			t0 = System.nanoTime();
			try (TableReader reader = TableReader.open(csv);
					PreparedStatement ps = c.prepareStatement("insert into naive_entry (processor, entry_year, sensitive,"
							+ " id_hash) values (?, ?, ?, ?) on conflict do nothing")) {
				int col = reader.header().indexOf("id_number");
				while (n < sample && reader.next()) {
					String normal = Identifiers.normalise(IdentifierKind.RESIDENT_ID, reader.cells().get(col));
					hasher.hash(IdentifierKind.RESIDENT_ID, normal, h, 0);
					ps.setString(1, "bench");
					ps.setInt(2, 2026);
					ps.setBoolean(3, false);
					ps.setBytes(4, h);
					inserted += ps.executeUpdate();
					n++;
				}
			}
			c.commit();
			double secs = secs(t0);
			double rate = n / secs;
			say("NAIVE   %,d rows (%,d new) one INSERT ... ON CONFLICT DO NOTHING each, one transaction: %.1f s = %,.0f identifiers/s",
					n, inserted, secs, rate);
			say("        extrapolated to 10,000,000 rows: %.0f s (optimistic: the index grows as it goes)", 10_000_000 / rate);
			say("RATIO   ledger ingest / naive = %.1f x", fastRate / rate);
			try (Statement st = c.createStatement()) {
				st.execute("drop table naive_entry");
			}
			c.commit();
		}
	}

	private static PersonHasher hasher(LedgerKey key) throws Exception {
		// the benchmark reaches the key bytes through the package-private accessor, as the ledger itself does
		var m = LedgerKey.class.getDeclaredMethod("hasher");
		m.setAccessible(true);
		return (PersonHasher) m.invoke(key);
	}

	/** Vacuum, analyze and checkpoint: the measured ingest starts from a settled database, not amid the setup's WAL. */
	private static void vacuum(Database db) throws Exception {
		if (db.dialect() != cn.outbound.ledger.db.Dialect.POSTGRESQL) {
			return;
		}
		try (Connection c = db.connection(); Statement st = c.createStatement()) {
			st.execute("checkpoint");
			st.execute("vacuum analyze ledger_person_block");
			st.execute("vacuum analyze ledger_tally");
			st.execute("vacuum analyze ledger_event");
		}
	}

	private static long gcd(long a, long b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	private static void writeCsv(Path csv, long rows) throws IOException {
		long step = 7_919_423L;
		while (gcd(step, rows) != 1) {
			step++;
		}
		try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			w.write("row,id_number,amount\n");
			StringBuilder sb = new StringBuilder(64);
			for (long i = 0; i < rows; i++) {
				long id = (i * step) % rows;
				sb.setLength(0);
				sb.append(i + 1).append(',').append(fastResidentId(id)).append(',').append((id * 37) % 10_000)
					.append(".00\n");
				w.append(sb);
			}
		}
	}

	private static final long EPOCH_DAY_1940 = LocalDate.of(1940, 1, 1).toEpochDay();

	/** Same as {@link TestIds#residentId(long)}, without String.format. */
	static String fastResidentId(long n) {
		LocalDate birth = LocalDate.ofEpochDay(EPOCH_DAY_1940 + n / 1000);
		char[] c = new char[18];
		"110105".getChars(0, 6, c, 0);
		int y = birth.getYear();
		int m = birth.getMonthValue();
		int d = birth.getDayOfMonth();
		int seq = (int) (n % 1000);
		int[] digits = { y / 1000, y / 100 % 10, y / 10 % 10, y % 10, m / 10, m % 10, d / 10, d % 10, seq / 100,
				seq / 10 % 10, seq % 10 };
		for (int i = 0; i < digits.length; i++) {
			c[6 + i] = (char) ('0' + digits[i]);
		}
		c[17] = cn.outbound.pii.ResidentIdNumber.checkDigit(new String(c, 0, 17));
		return new String(c);
	}

	private static final class IdIterator implements Iterator<String> {

		private long next;

		private final long end;

		IdIterator(long from, long to) {
			this.next = from;
			this.end = to;
		}

		@Override
		public boolean hasNext() {
			return this.next < this.end;
		}

		@Override
		public String next() {
			return fastResidentId(this.next++);
		}

	}

	/**
	 * CPU use on the machine (Linux /proc): all processes, this JVM, and PostgreSQL's processes. The rest is other
	 * work sharing the machine, reported so that a run on a busy machine can be told from a slow ingest.
	 */
	record CpuSample(long busyTicks, long ownNanos, long postgresTicks, String load) {

		static CpuSample now() {
			long busy = -1;
			long pg = 0;
			try {
				String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				busy = 0;
				for (int i = 1; i < f.length; i++) {
					if (i != 4 && i != 5) {
						busy += Long.parseLong(f[i]);
					}
				}
				try (var procs = Files.list(Path.of("/proc"))) {
					for (Path p : (Iterable<Path>) procs::iterator) {
						String name = p.getFileName().toString();
						if (!name.chars().allMatch(Character::isDigit)) {
							continue;
						}
						try {
							String stat = Files.readString(p.resolve("stat"));
							if (stat.contains("(postgres)")) {
								String[] g = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
								pg += Long.parseLong(g[11]) + Long.parseLong(g[12]);
							}
						}
						catch (IOException | RuntimeException ex) {
							// the process ended
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				busy = -1;
			}
			String load = "";
			try {
				load = Files.readString(Path.of("/proc/loadavg")).trim();
			}
			catch (IOException ex) {
				// not Linux
			}
			long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			return new CpuSample(busy, own, pg, load);
		}

		String since(CpuSample before, double wallSecs) {
			if (this.busyTicks < 0 || before.busyTicks < 0) {
				return "(no /proc: machine load not measured)";
			}
			double tick = 100.0;
			double all = (this.busyTicks - before.busyTicks) / tick;
			double own = (this.ownNanos - before.ownNanos) / 1e9;
			double pg = (this.postgresTicks - before.postgresTicks) / tick;
			double others = Math.max(0, all - own - pg);
			return String.format(Locale.ROOT,
					"CPU during the ingest (%.1f s x %d cores = %.1f core-s): this JVM %.1f s, PostgreSQL %.1f s, other processes %.1f s; load average %s",
					wallSecs, Runtime.getRuntime().availableProcessors(), wallSecs * Runtime.getRuntime().availableProcessors(),
					own, pg, others, this.load);
		}

	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** Sum of the heap pools' peaks (an upper bound of the peak heap in use). */
	private static long peakHeap() {
		long sum = 0;
		List<String> names = new ArrayList<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
				names.add(pool.getName());
			}
		}
		return sum;
	}

	private static double secs(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	private static void say(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

}
