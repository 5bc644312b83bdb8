package cn.outbound.app;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/audit/verify?head=HASH} and the admin audit page against a head kept elsewhere: deleting the last
 * entry and moving the head back leaves an intact, shorter chain, which only the kept head reveals.
 */
class AuditVerifyIntegrationTests extends ServerTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Writes writes;

	@Test // #9
	void aKeptHeadRevealsTheLastEntryDeletedAndTheHeadMovedBack() throws SQLException {
		token(Role.ADMIN);
		for (int i = 0; i < 2; i++) {
			this.writes.submit((c, audit) -> {
				audit.append("tests", "KEPT_HEAD_PROBE", "x", null, "d");
				return null;
			});
		}
		JsonNode before = json(get("/api/v1/audit/verify", Role.ADMIN));
		assertThat(before.get("intact").asBoolean()).isTrue();
		assertThat(before.get("headAt").asString()).isNotBlank();
		String kept = before.get("headHash").asString();
		long last = before.get("entries").asLong();

		JsonNode reached = json(get("/api/v1/audit/verify?head=" + kept, Role.ADMIN));
		assertThat(reached.get("intact").asBoolean()).isTrue();
		assertThat(reached.get("keptHead").get("found").asBoolean()).isTrue();
		assertThat(reached.get("keptHead").get("seq").asLong()).isEqualTo(last);

		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.executeUpdate("create table audit_api_backup as select * from audit_event where seq = " + last);
			try {
				// the attacker: drop the last entry, move the head back to the one before it
				s.executeUpdate("delete from audit_event where seq = " + last);
				String previous = json(get("/api/v1/audit/verify", Role.ADMIN)).get("headHash").asString();
				moveHead(c, last - 1, previous);

				// the chain alone still says intact: the documented limitation
				JsonNode plain = json(get("/api/v1/audit/verify", Role.ADMIN));
				assertThat(plain.get("intact").asBoolean()).isTrue();
				assertThat(plain.get("entries").asLong()).isEqualTo(last - 1);

				HttpResponse<String> r = get("/api/v1/audit/verify?head=" + kept, Role.ADMIN);
				assertThat(r.statusCode()).isEqualTo(200);
				JsonNode missing = json(r);
				assertThat(missing.get("intact").asBoolean()).isFalse();
				assertThat(missing.get("keptHead").get("hash").asString()).isEqualTo(kept);
				assertThat(missing.get("keptHead").get("found").asBoolean()).isFalse();
				assertThat(missing.get("problems").get(0).asString()).contains("kept head").contains("not in the chain");

				// the current head, kept now, is reached
				JsonNode current = json(get("/api/v1/audit/verify?head=" + previous, Role.ADMIN));
				assertThat(current.get("intact").asBoolean()).isTrue();
				assertThat(current.get("keptHead").get("seq").asLong()).isEqualTo(last - 1);
			}
			finally {
				s.executeUpdate("delete from audit_event where seq >= " + last);
				s.executeUpdate("insert into audit_event select * from audit_api_backup");
				s.executeUpdate("drop table audit_api_backup");
				moveHead(c, last, kept);
			}
		}
		assertThat(json(get("/api/v1/audit/verify?head=" + kept.toUpperCase(), Role.ADMIN)).get("intact").asBoolean())
			.isTrue();
	}

	@Test // #9
	void aMalformedKeptHeadIs400NamingTheParameterAndTheFormat() {
		for (String bad : new String[] { "abc", "g".repeat(64), "a".repeat(65), "", "%27%3Cscript%3E" }) {
			HttpResponse<String> r = get("/api/v1/audit/verify?head=" + bad, Role.ADMIN);
			assertThat(r.statusCode()).as(bad).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			JsonNode p = json(r);
			assertThat(p.get("type").asString()).isEqualTo("urn:outbound:problem:invalid-parameter");
			assertThat(p.get("errors").get(0).get("parameter").asString()).isEqualTo("head");
			assertThat(p.get("errors").get(0).get("message").asString()).contains("64 hexadecimal digits");
		}
		assertThat(get("/api/v1/audit/verify?head=" + "a".repeat(64), Role.ANALYST).statusCode()).isEqualTo(403);
	}

	@Test // #9
	void theAdminPageShowsTheHeadToKeepAndChecksAKeptHead() {
		HttpClient admin = signIn(Role.ADMIN);
		String page = browserGet(admin, "/admin/audit").body();
		Matcher m = Pattern.compile("id=\"audit-head-hash\"[^>]*>([0-9a-f]{64})<").matcher(page);
		assertThat(m.find()).as("the head hash on the page").isTrue();
		String head = m.group(1);
		JsonNode verify = json(get("/api/v1/audit/verify", Role.ADMIN));
		assertThat(head).isEqualTo(verify.get("headHash").asString());
		assertThat(page).contains("id=\"audit-head-entries\">" + verify.get("entries").asLong() + "<")
			.contains("id=\"audit-head-at\">" + verify.get("headAt").asString() + "<")
			.contains("id=\"audit-verify-form\"")
			.contains("请定期复制链头哈希");

		String found = browserGet(admin, "/admin/audit?head=" + head).body();
		assertThat(found).contains("id=\"audit-kept-found\"").contains("id=\"audit-intact\"");

		String missing = browserGet(admin, "/admin/audit?head=" + "ab".repeat(32)).body();
		assertThat(missing).contains("id=\"audit-kept-missing\"").contains("id=\"audit-tampered\"");

		String bad = browserGet(admin, "/admin/audit?head=xyz").body();
		assertThat(bad).contains("id=\"audit-head-error\"").contains("64 位十六进制数字").contains("value=\"xyz\"");
		String badEn = browserGet(admin, "/admin/audit?head=xyz&lang=en").body();
		assertThat(badEn).contains("id=\"audit-head-error\"").contains("must be 64 hexadecimal digits")
			.contains("Copy the head hash regularly");
	}

	private static void moveHead(Connection c, long seq, String hash) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
			ps.setLong(1, seq);
			ps.setString(2, hash);
			ps.executeUpdate();
		}
	}

}
