package cn.outbound.service.user;

import java.sql.SQLException;
import java.util.UUID;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users on a fresh H2 database each: the last administrator, one spelling of a name, the stamp. */
class UsersTests {

	private HikariDataSource dataSource;

	private Writes writes;

	private Users users;

	@BeforeEach
	void open() {
		this.dataSource = DatabaseSettings.of("jdbc:h2:mem:users-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1").openMigrated(4);
		this.writes = new Writes(this.dataSource);
		this.users = new Users(this.dataSource, this.writes);
	}

	@AfterEach
	void close() {
		this.writes.close();
		this.dataSource.close();
	}

	@Test // #9
	void theLastEnabledAdministratorCannotBeDemotedOrDisabled() throws SQLException {
		this.users.add("root", Role.ADMIN, null, "t", null);
		this.users.add("helper", Role.ANALYST, null, "t", null);
		assertThatThrownBy(() -> this.users.setRole("root", Role.VIEWER, "root", null))
			.isInstanceOf(Users.LastAdministratorException.class)
			.hasMessageContaining("last enabled administrator");
		assertThatThrownBy(() -> this.users.setEnabled("root", false, "root", null))
			.isInstanceOf(Users.LastAdministratorException.class);
		assertThat(this.users.find("root").orElseThrow().role()).isEqualTo(Role.ADMIN);
		assertThat(this.users.find("root").orElseThrow().enabled()).isTrue();
		// with a second administrator, the first may step down; then the second is the last
		this.users.setRole("helper", Role.ADMIN, "root", null);
		this.users.setRole("root", Role.VIEWER, "root", null);
		assertThatThrownBy(() -> this.users.setEnabled("helper", false, "helper", null))
			.isInstanceOf(Users.LastAdministratorException.class);
		// a disabled administrator does not count
		this.users.setRole("root", Role.ADMIN, "helper", null);
		this.users.setEnabled("root", false, "helper", null);
		assertThatThrownBy(() -> this.users.setRole("helper", Role.ANALYST, "helper", null))
			.isInstanceOf(Users.LastAdministratorException.class);
		// other changes of the last administrator are fine
		this.users.setPassword("helper", "a-long-enough-password", "helper", null);
		this.users.setRole("helper", Role.ADMIN, "helper", null);
	}

	@Test // #9
	void aNameHasOneSpellingWhateverItsCaseOrWidth() throws SQLException {
		Users.Created c = this.users.add("Alice.Wang", Role.VIEWER, null, "t", null);
		assertThat(c.account().username()).isEqualTo("alice.wang");
		assertThat(this.users.find("ALICE.WANG")).isPresent();
		assertThat(this.users.find("ａｌｉｃｅ．ｗａｎｇ")).isPresent();
		assertThatThrownBy(() -> this.users.add("alice.WANG", Role.ADMIN, null, "t", null))
			.hasMessageContaining("already exists");
	}

	@Test // #9
	void invisibleControlAndSpaceCharactersAreRefusedAndNotEchoed() {
		for (String bad : new String[] { "ad\u200bmin", "ad\u0000min", "ad min", "\u202eadmin", "admin\n", "", "管理员" }) {
			assertThatThrownBy(() -> this.users.add(bad, Role.ADMIN, null, "t", null)).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("user name")
				.hasMessageContaining("is not allowed")
				.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\u200b", "\u0000", "\u202e", "\n"));
		}
		assertThat(Users.normalizeName("x".repeat(101))).isNull();
		assertThat(Users.normalizeName("x".repeat(100))).isEqualTo("x".repeat(100));
	}

	@Test // #9
	void everyChangeOfPowerRaisesTheStamp() throws SQLException {
		long id = this.users.add("bob", Role.ANALYST, null, "t", null).account().id();
		this.users.add("root", Role.ADMIN, null, "t", null);
		long s0 = this.users.standing(id).orElseThrow().stamp();
		this.users.setRole("bob", Role.VIEWER, "t", null);
		long s1 = this.users.standing(id).orElseThrow().stamp();
		this.users.setEnabled("bob", false, "t", null);
		long s2 = this.users.standing(id).orElseThrow().stamp();
		this.users.setPassword("bob", "another-long-password", "t", null);
		long s3 = this.users.standing(id).orElseThrow().stamp();
		this.users.revokeTokens("bob", "t", null);
		long s4 = this.users.standing(id).orElseThrow().stamp();
		assertThat(new long[] { s0, s1, s2, s3, s4 }).isSorted().doesNotHaveDuplicates();
		assertThat(this.users.standing(id).orElseThrow().enabled()).isFalse();
		assertThat(this.users.standing(id).orElseThrow().role()).isEqualTo(Role.VIEWER);
		// issuing a token takes no power away: the stamp stays
		this.users.issueToken("bob", "x", "t", null);
		assertThat(this.users.standing(id).orElseThrow().stamp()).isEqualTo(s4);
	}

}
