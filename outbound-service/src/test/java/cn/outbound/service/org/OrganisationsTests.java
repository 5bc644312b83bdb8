package cn.outbound.service.org;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organisations on a fresh H2 database each (issue #13): ids, who may belong where, the last administrator of the
 * default organisation, and the ledger keys that keep two organisations' processors apart.
 */
class OrganisationsTests {

	private HikariDataSource dataSource;

	private Writes writes;

	private Users users;

	private Organisations orgs;

	private final Actor actor = new Actor("tests", null);

	@BeforeEach
	void open() {
		this.dataSource = DatabaseSettings.of("jdbc:h2:mem:orgs-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1").openMigrated(4);
		this.writes = new Writes(this.dataSource);
		this.users = new Users(this.dataSource, this.writes);
		this.orgs = new Organisations(this.dataSource, this.writes);
	}

	@AfterEach
	void close() {
		this.writes.close();
		this.dataSource.close();
	}

	@Test
	void aDeploymentStartsWithTheDefaultOrganisationAndTheZone() throws SQLException {
		assertThat(this.orgs.list()).extracting(Organisation::id).containsExactly("default", "zone");
		assertThat(this.orgs.find("ZONE").orElseThrow().kind()).isEqualTo(Organisation.Kind.ZONE);
		// no --org: as before #13
		assertThat(this.users.add("alice", Role.ANALYST, null, "t", null).account().orgId()).isEqualTo("default");
		assertThat(this.users.add("zoe", Role.REGULATOR, null, "t", null).account().orgId()).isEqualTo("zone");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Acme Ltd", "-acme", "acme_1", "ａｃｍｅ", "a\u200Bb",
			"a1234567890123456789012345678901234567890" })
	void anIdThatCannotBeOneIsRefusedNamingTheField(String id) {
		assertThatThrownBy(() -> this.orgs.add(id, "x", this.actor)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("org:");
	}

	@Test
	void anOrganisationIsCreatedOnceAndAudited() throws SQLException {
		assertThat(this.orgs.add(" Acme ", "Acme 有限公司", this.actor).id()).isEqualTo("acme");
		assertThatThrownBy(() -> this.orgs.add("acme", "again", this.actor)).hasMessageContaining("already exists");
		assertThatThrownBy(() -> this.orgs.add("beta", " ", this.actor)).hasMessageStartingWith("name:");
		assertThat(new cn.outbound.service.audit.AuditLog(this.dataSource).page(0, 10, null))
			.anySatisfy(e -> assertThat(e.target()).isEqualTo("org:acme"));
	}

	@Test
	void regulatorsBelongToTheZoneAndOnlyThey() throws SQLException {
		this.orgs.add("acme", "Acme", this.actor);
		assertThatThrownBy(() -> this.users.add("r1", Role.REGULATOR, null, "acme", "t", null))
			.hasMessageStartingWith("role:");
		assertThatThrownBy(() -> this.users.add("a1", Role.ANALYST, null, "zone", "t", null))
			.hasMessageStartingWith("role:");
		assertThatThrownBy(() -> this.users.add("a2", Role.ANALYST, null, "nowhere", "t", null))
			.hasMessageStartingWith("org:");
		this.users.add("a3", Role.ANALYST, null, "acme", "t", null);
		assertThatThrownBy(() -> this.users.setRole("a3", Role.REGULATOR, "t", null)).hasMessageStartingWith("role:");
		long stamp = this.users.find("a3").orElseThrow().stamp();
		this.users.setOrg("a3", "default", "t", null);
		assertThat(this.users.find("a3").orElseThrow().orgId()).isEqualTo("default");
		// the move ends the user's sessions and cached tokens
		assertThat(this.users.find("a3").orElseThrow().stamp()).isGreaterThan(stamp);
	}

	@Test
	void theLastAdministratorOfTheDefaultOrganisationStays() throws SQLException {
		this.orgs.add("acme", "Acme", this.actor);
		this.users.add("root", Role.ADMIN, null, "t", null);
		this.users.add("acme-admin", Role.ADMIN, null, "acme", "t", null);
		// an enterprise's ADMIN does not administer the deployment: root is still the last
		assertThatThrownBy(() -> this.users.setOrg("root", "acme", "t", null))
			.isInstanceOf(Users.LastAdministratorException.class);
		assertThatThrownBy(() -> this.users.setEnabled("root", false, "t", null))
			.isInstanceOf(Users.LastAdministratorException.class);
		this.users.setEnabled("acme-admin", false, "t", null);
		assertThat(this.users.countAdmins()).isEqualTo(1);
	}

	@Test
	void whoAdministersWhom() throws SQLException {
		Scope operator = new Scope("root", Role.ADMIN, "default");
		Scope acmeAdmin = new Scope("a", Role.ADMIN, "acme");
		assertThat(Organisations.administeredOrg(operator)).isNull();
		assertThat(Organisations.administeredOrg(acmeAdmin)).isEqualTo("acme");
		assertThat(Organisations.creatableOrg(acmeAdmin, null)).isEqualTo("acme");
		assertThatThrownBy(() -> Organisations.creatableOrg(acmeAdmin, "default")).isInstanceOf(Denied.class);
		assertThatThrownBy(() -> Organisations.requireOperator(acmeAdmin)).isInstanceOf(Denied.class);
		assertThatThrownBy(() -> Organisations.administeredOrg(new Scope("v", Role.ANALYST, "default")))
			.isInstanceOf(Denied.class);
		this.users.add("d1", Role.VIEWER, null, "t", null);
		var d1 = this.users.find("d1").orElseThrow();
		Organisations.requireAdministers(operator, d1, "d1");
		assertThatThrownBy(() -> Organisations.requireAdministers(acmeAdmin, d1, "d1"))
			.isInstanceOfSatisfying(Denied.class, d -> assertThat(d.kind()).isEqualTo(Denied.Kind.NOT_FOUND));
	}

	@Test
	void ledgerKeysOfTwoOrganisationsNeverMeet() {
		assertThat(Organisations.ledgerKey("default", "91120000MA05")).isEqualTo("91120000MA05");
		assertThat(Organisations.ledgerKey("acme", "91120000MA05")).isEqualTo("@acme/91120000MA05");
		// a default processor that looks like a key is prefixed too
		assertThat(Organisations.ledgerKey("default", "@acme/x")).isEqualTo("@default/@acme/x");
		// seeded property: distinct (organisation, processor) pairs give distinct keys, each mapping back
		Random random = new Random(13);
		List<String> organisations = List.of("default", "acme", "a", "acme-1", "zone");
		String alphabet = "a@/-1é";
		Set<String> keys = new HashSet<>();
		Set<String> pairs = new HashSet<>();
		for (int i = 0; i < 5000; i++) {
			String org = organisations.get(random.nextInt(organisations.size()));
			StringBuilder p = new StringBuilder();
			for (int n = 1 + random.nextInt(6); n > 0; n--) {
				p.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (pairs.add(org + "\u0000" + p)) {
				String key = Organisations.ledgerKey(org, p.toString());
				assertThat(keys.add(key)).as(org + " " + p).isTrue();
				assertThat(Organisations.processorOf(key)).isEqualTo(p.toString());
			}
		}
		assertThatThrownBy(() -> Organisations.ledgerKey("acme", "x".repeat(195)))
			.hasMessageStartingWith("processor:").hasMessageContaining("194");
		assertThat(Organisations.ledgerKey("acme", "x".repeat(194))).hasSize(200);
	}

}
