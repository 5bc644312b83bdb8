package cn.outbound.ledger.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database failure told to a person never holds the SQL or a row's values (#9), only its kind and SQLSTATE.
 */
class DatabaseErrorsTests {

	@Test // #9
	void aMissingTableIsToldWithoutTheStatement() throws Exception {
		try (Database db = Database.open("jdbc:h2:mem:errors-missing", null, null); Connection c = db.connection();
				Statement s = c.createStatement()) {
			SQLException ex = catchThrowableOfType(SQLException.class,
					() -> s.executeQuery("select secret_column from no_such_table"));
			assertThat(ex.getMessage()).contains("no_such_table"); // what the driver says, and must not be shown
			String told = DatabaseErrors.describe(new RuntimeException("wrapped", ex));
			assertThat(told).contains("SQLSTATE 42").doesNotContainIgnoringCase("select")
				.doesNotContain("no_such_table")
				.doesNotContain("secret_column");
			assertThat(DatabaseErrors.isDatabaseError(new IllegalStateException("x", ex))).isTrue();
			assertThat(DatabaseErrors.isUnavailable(ex)).isFalse();
		}
	}

	@Test // #9
	void aDuplicateKeyIsToldWithoutTheValue() throws Exception {
		try (Database db = Database.open("jdbc:h2:mem:errors-duplicate", null, null); Connection c = db.connection();
				Statement s = c.createStatement()) {
			s.execute("create table t (id varchar(20) primary key)");
			s.execute("insert into t values ('110105194912310021')");
			SQLException ex = catchThrowableOfType(SQLException.class,
					() -> s.execute("insert into t values ('110105194912310021')"));
			assertThat(ex.getMessage()).contains("110105194912310021");
			assertThat(DatabaseErrors.describe(ex)).contains("constraint").doesNotContain("110105194912310021");
		}
	}

	@Test // #9
	void aReadOnlyDatabaseSaysSo() throws Exception {
		SQLException ex = new SQLException("The database is read only; SQL statement:\ninsert into x values (1)",
				"90097", 90097);
		assertThat(DatabaseErrors.describe(ex)).isEqualTo("the database is read-only (SQLSTATE 90097)");
	}

	@Test // #9
	void aRefusedConnectionKeepsTheFirstLineOfTheDriverMessage() {
		SQLException ex = new SQLException("Connection to 127.0.0.1:1 refused.\nmore", "08001");
		assertThat(DatabaseErrors.describe(ex)).isEqualTo("Connection to 127.0.0.1:1 refused. (SQLSTATE 08001)");
		assertThat(DatabaseErrors.isUnavailable(new RuntimeException(ex))).isTrue();
	}

	@Test
	void aMigrationThatDiffersFromTheAppliedOneIsToldAsSuch() throws Exception {
		try (Database db = Database.open("jdbc:h2:mem:errors-checksum", null, null)) {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("migrations");
			java.nio.file.Files.writeString(dir.resolve("V1__t.sql"), "create table t (id int);");
			org.flywaydb.core.Flyway.configure()
				.dataSource(db.dataSource())
				.schemas("errs")
				.locations("filesystem:" + dir)
				.load()
				.migrate();
			java.nio.file.Files.writeString(dir.resolve("V1__t.sql"), "create table t (id bigint);");
			RuntimeException ex = catchThrowableOfType(RuntimeException.class, () -> org.flywaydb.core.Flyway.configure()
				.dataSource(db.dataSource())
				.schemas("errs")
				.locations("filesystem:" + dir)
				.load()
				.migrate());
			assertThat(DatabaseErrors.describe(new IllegalStateException("cannot prepare", ex)))
				.contains("schema history does not match this version's migrations")
				.contains("nothing was changed");
			assertThat(DatabaseErrors.describe(new IllegalStateException("other"))).isEqualTo("the database failed");
		}
	}

}
