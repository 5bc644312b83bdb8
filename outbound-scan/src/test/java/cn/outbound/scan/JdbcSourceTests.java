package cn.outbound.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.stream.Stream;

import cn.outbound.rules.source.Suggestions;
import cn.outbound.tables.JdbcSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How {@code --table} finds a table (H2 in memory). Every name and number here is synthetic. */
class JdbcSourceTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@TempDir
	Path dir;

	private String url;

	private Connection keep;

	@BeforeEach
	void database() throws SQLException {
		this.url = "jdbc:h2:mem:tables" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		this.keep = DriverManager.getConnection(this.url);
		try (Statement st = this.keep.createStatement()) {
			st.execute("create table customers(name varchar(20), mobile varchar(20))");
			st.execute("create table \"客户\"(\"姓名\" varchar(20), \"手机\" varchar(20))");
			st.execute("create table \"Mixed\"(name varchar(20), mobile varchar(20))");
			st.execute("create schema crm");
			st.execute("create table crm.people(name varchar(20), mobile varchar(20))");
			for (String t : new String[] { "customers", "\"客户\"", "\"Mixed\"", "crm.people" }) {
				st.execute("insert into " + t + " values ('张伟','13812345678'),('王芳','13912345678')");
			}
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.keep.close();
	}

	private ScanReport scan(String table) throws Exception {
		try (JdbcSource source = new JdbcSource(this.url, table, null, null, Suggestions::closest)) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
	}

	@Test // QA: --table 客户 was refused by a pattern that allowed only ASCII names
	void findsAChineseTableName() throws Exception {
		ScanReport r = scan("客户");
		assertThat(r.source()).isEqualTo("客户");
		assertThat(r.columns().get(1).name()).isEqualTo("手机");
		assertThat(r.columns().get(1).types()).containsExactly("CN_MOBILE");
		assertThat(r.persons().distinct()).isEqualTo(2);
	}

	@Test // QA: a mixed-case name was folded by SELECT * FROM Mixed and not found
	void findsMixedCaseAndFoldedNamesAndASchemaPrefix() throws Exception {
		assertThat(scan("Mixed").persons().distinct()).isEqualTo(2);
		assertThat(scan("customers").persons().distinct()).isEqualTo(2);
		assertThat(scan("CUSTOMERS").persons().distinct()).isEqualTo(2);
		assertThat(scan("crm.people").persons().distinct()).isEqualTo(2);
		assertThat(scan("CRM.PEOPLE").persons().distinct()).isEqualTo(2);
	}

	@Test
	void aMissingTableIsRefusedNamingTheOptionAndTheTablesThatExist() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> scan("custmers"))
			.withMessageContaining("--table")
			.withMessageContaining("custmers")
			.withMessageContaining("did you mean CUSTOMERS?")
			.withMessageContaining("客户")
			.withMessageContaining("Mixed");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> scan("mixed"))
			.withMessageContaining("did you mean Mixed?");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> scan("nothing.people"))
			.withMessageContaining("--table");
	}

	@Test
	void aNameIsNeverSpliced() throws Exception {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> scan("customers; drop table customers"))
			.withMessageContaining("--table");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> scan("cust%"));
		assertThat(scan("customers").rows()).isEqualTo(2);
	}

	@Test // QA: scanning jdbc:h2:/tmp/x created an empty database there
	void anH2FileUrlNeverCreatesADatabase() {
		Path base = this.dir.resolve("x");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new JdbcSource("jdbc:h2:" + base, "t", null, null).close());
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new JdbcSource("jdbc:h2:file:" + base + ";MODE=PostgreSQL", "t", null, null).close());
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
