package cn.outbound.scan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

import cn.outbound.tables.JdbcSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound scan jdbc:… --table T} against real PostgreSQL and MariaDB servers (CI provides both; the URLs
 * come from {@code -Doutbound.test.postgres.url} and {@code -Doutbound.test.mariadb.url}). The table is larger than
 * one fetch, so the rows stream through the cursor.
 */
class ServerDatabaseScanIntegrationTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final int ROWS = 2_500;

	@Test
	void scansAPostgresqlTable() throws Exception {
		String url = System.getProperty("outbound.test.postgres.url");
		Assumptions.assumeTrue(url != null && !url.isBlank(), "set -Doutbound.test.postgres.url (CI sets it)");
		scan(url, "scan_pg_" + ProcessHandle.current().pid());
	}

	@Test // QA: --table 客户 was refused; --table Mixed was folded to mixed and not found
	void findsChineseAndQuotedMixedCasePostgresqlTables() throws Exception {
		String url = System.getProperty("outbound.test.postgres.url");
		Assumptions.assumeTrue(url != null && !url.isBlank(), "set -Doutbound.test.postgres.url (CI sets it)");
		long pid = ProcessHandle.current().pid();
		scanNamed(url, "\"客户_" + pid + "\"", "客户_" + pid);
		scanNamed(url, "\"Mixed_" + pid + "\"", "Mixed_" + pid);
		scanNamed(url, "\"Mixed_" + pid + "\"", "public.Mixed_" + pid);
		refusesAMissingTable(url);
	}

	@Test
	void findsAChineseMariadbTable() throws Exception {
		String url = System.getProperty("outbound.test.mariadb.url");
		Assumptions.assumeTrue(url != null && !url.isBlank(), "set -Doutbound.test.mariadb.url (CI sets it)");
		long pid = ProcessHandle.current().pid();
		scanNamed(url, "`客户_" + pid + "`", "客户_" + pid);
		scanNamed(url, "`Mixed_" + pid + "`", "Mixed_" + pid);
		refusesAMissingTable(url);
	}

	/** Creates a small table under {@code created} (quoted as the server wants) and scans it as {@code --table given}. */
	private static void scanNamed(String url, String created, String given) throws Exception {
		try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
			st.execute("drop table if exists " + created);
			st.execute("create table " + created + " (customer_name varchar(40), mobile varchar(20))");
			st.execute("insert into " + created + " values ('张伟', '13812345678'), ('王芳', '13912345678')");
			try (JdbcSource source = new JdbcSource(url, given, null, null)) {
				ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
				assertThat(r.rows()).isEqualTo(2);
				assertThat(r.columns().get(1).types()).containsExactly("CN_MOBILE");
				assertThat(r.persons().distinct()).isEqualTo(2);
			}
			finally {
				st.execute("drop table " + created);
			}
		}
	}

	private static void refusesAMissingTable(String url) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new JdbcSource(url, "no_such_table_" + ProcessHandle.current().pid(), null, null).close())
			.withMessageContaining("--table")
			.withMessageContaining("no_such_table_");
	}

	@Test
	void scansAMariadbTableByMariadbAndMysqlUrls() throws Exception {
		String url = System.getProperty("outbound.test.mariadb.url");
		Assumptions.assumeTrue(url != null && !url.isBlank(), "set -Doutbound.test.mariadb.url (CI sets it)");
		scan(url, "scan_maria_" + ProcessHandle.current().pid());
		// the same server through a jdbc:mysql: URL, as users of MySQL write it
		scan(url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"), "scan_mysql_" + ProcessHandle.current().pid());
	}

	private static void scan(String url, String table) throws Exception {
		try (Connection c = DriverManager.getConnection(url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"));
				Statement st = c.createStatement()) {
			st.execute("drop table if exists " + table);
			st.execute("create table " + table + " (id int primary key, customer_name varchar(40), mobile varchar(20),"
					+ " email varchar(80), religion varchar(20), amount decimal(12,2), created date)");
			try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < ROWS; i++) {
					ps.setInt(1, i);
					ps.setString(2, (i % 2 == 0) ? "张伟" : "王芳");
					// 2,000 distinct mobiles: rows 2,000..2,499 repeat the first 500
					ps.setString(3, String.format("138%08d", i % 2_000));
					ps.setString(4, "user" + (i % 2_000) + "@example.cn");
					ps.setString(5, (i % 10 == 0) ? "佛教" : null);
					ps.setBigDecimal(6, new java.math.BigDecimal(i + ".50"));
					ps.setDate(7, java.sql.Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(i % 180)));
					ps.addBatch();
				}
				ps.executeBatch();
			}
			try {
				try (JdbcSource source = new JdbcSource(url, table, null, null)) {
					ScanReport r = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
					assertThat(r.rows()).isEqualTo(ROWS);
					assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("mobile")).singleElement()
						.satisfies(col -> assertThat(col.types()).containsExactly("CN_MOBILE"));
					assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("email")).singleElement()
						.satisfies(col -> assertThat(col.types()).containsExactly("EMAIL"));
					assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("religion")).singleElement()
						.satisfies(col -> assertThat(col.sensitive()).isTrue());
					assertThat(r.columns()).filteredOn(col -> col.name().equalsIgnoreCase("amount")).singleElement()
						.satisfies(col -> assertThat(col.types()).isEmpty());
					assertThat(r.persons().distinct()).isEqualTo(2_000);
					assertThat(r.persons().sensitiveIndividuals()).isEqualTo(200);
				}
			}
			finally {
				st.execute("drop table " + table);
			}
		}
	}

}
