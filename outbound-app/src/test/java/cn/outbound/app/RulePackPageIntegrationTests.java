package cn.outbound.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule-pack publishing page (/admin/packs): an administrator uploads a new edition, reads what it changes and
 * publishes it, or reads its problems (nothing published); other roles are refused. The edition is the test revision
 * that moves item 20's threshold to 500,000 customers, under an edition name of its own.
 */
class RulePackPageIntegrationTests extends ServerTests {

	private static String edition(String name) {
		try (InputStream in = RulePackPageIntegrationTests.class.getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("edition: \"2025-test\"",
					"edition: \"" + name + "\"");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> upload(HttpClient admin, String fileName, String yaml) {
		String token = csrf(browserGet(admin, "/admin/packs").body());
		return browserUpload(admin, "/admin/packs/check", token,
				new MultipartBody().file("file", fileName, yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test // #3
	void anAdminChecksPreviewsPublishesAndWithdrawsAnEditionOnThePage() {
		HttpClient admin = signIn(Role.ADMIN);
		String list = browserGet(admin, "/admin/packs").body();
		assertThat(list).contains("id=\"edition-tianjin-ftz-2024\"").contains("data-status=\"inForce\"")
			.contains("sha256:").contains("id=\"pack-upload\"").contains("href=\"/admin/packs\"");

		HttpResponse<String> checked = upload(admin, "tianjin-ftz-2025-page.yaml", edition("2025-page"));
		assertThat(checked.statusCode()).isEqualTo(302);
		String preview = browserGet(admin, location(checked)).body();
		assertThat(preview).contains("id=\"pack-preview\"").contains("2025-page").contains("id=\"diff-item-20\"")
			.contains("data-kind=\"CHANGED\"").contains("500,000").contains("1,000,000").contains("id=\"publish-confirm\"");
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/2025-page", Role.VIEWER).statusCode()).as("not yet published")
			.isEqualTo(404);

		String confirm = location(checked) + "/publish";
		HttpResponse<String> published = browserPost(admin, confirm, "_csrf=" + enc(csrf(preview)));
		try {
			assertThat(published.statusCode()).isEqualTo(302);
			assertThat(location(published)).contains("published=tianjin-ftz@2025-page");
			String after = browserGet(admin, location(published)).body();
			assertThat(after).contains("id=\"pack-published\"").contains("id=\"edition-tianjin-ftz-2025-page\"")
				.contains("admin 于");
			assertThat(get("/api/v1/rule-packs/tianjin-ftz/2025-page", Role.VIEWER).statusCode()).isEqualTo(200);
			assertThat(json(get("/api/v1/audit?action=RULE_PACK_PUBLISHED", Role.ADMIN)).toString())
				.contains("rule-pack:tianjin-ftz@2025-page");
			// the same upload cannot be confirmed twice
			assertThat(browserPost(admin, confirm, "_csrf=" + enc(csrf(after))).statusCode()).isEqualTo(404);
			// and a second upload of the same edition says it exists, in the page's language
			HttpResponse<String> again = upload(admin, "tianjin-ftz-2025-page.yaml", edition("2025-page"));
			assertThat(browserGet(admin, location(again)).body()).contains("id=\"pack-problems\"").contains("已经加载");
		}
		finally {
			String page = browserGet(admin, "/admin/packs").body();
			HttpResponse<String> withdrawn = browserPost(admin, "/admin/packs/withdraw",
					"_csrf=" + enc(csrf(page)) + "&pack=tianjin-ftz&edition=2025-page");
			assertThat(withdrawn.statusCode()).isEqualTo(302);
		}
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/2025-page", Role.VIEWER).statusCode()).isEqualTo(404);
		assertThat(json(get("/api/v1/audit?action=RULE_PACK_WITHDRAWN", Role.ADMIN)).toString())
			.contains("rule-pack:tianjin-ftz@2025-page");
	}

	@Test
	void anInvalidEditionShowsItsProblemsLocatedAndNothingIsPublished() {
		HttpClient admin = signIn(Role.ADMIN);
		String broken = edition("2025-broken").replaceFirst("mechanism: SECURITY_ASSESSMENT", "mechanism: MAYBE");
		HttpResponse<String> checked = upload(admin, "tianjin-ftz-2025-broken.yaml", broken);
		assertThat(checked.statusCode()).isEqualTo(302);
		HttpResponse<String> page = browserGet(admin, location(checked) + "?lang=en");
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("id=\"pack-problems\"").contains("problem(s) in tianjin-ftz-2025-broken.yaml")
			.containsPattern("<code>tianjin-ftz-2025-broken\\.yaml:\\d+:\\d+</code>: <code>/sections/0/mechanism</code>")
			.contains("MAYBE").contains("Nothing was published").doesNotContain("id=\"publish-confirm\"");
		// the same check read in Chinese: the problems too
		String zh = browserGet(admin, location(checked) + "?lang=zh").body();
		assertThat(zh).contains("未发布任何内容").contains("MAYBE");
		assertThat(problemLines(zh)).isNotEmpty().isNotEqualTo(problemLines(page.body()));
		assertThat(String.join("\n", problemLines(zh))).containsPattern("\\p{IsHan}");
		assertThat(get("/api/v1/rule-packs/tianjin-ftz/2025-broken", Role.VIEWER).statusCode()).isEqualTo(404);

		HttpResponse<String> notYaml = upload(admin, "notes.yaml", "just: [a list that never closes");
		assertThat(browserGet(admin, location(notYaml)).body()).contains("id=\"pack-problems\"").contains("notes.yaml");
	}

	@Test
	void onlyAdministratorsMayPublish() {
		for (Role role : new Role[] { Role.ANALYST, Role.VIEWER }) {
			HttpClient client = signIn(role);
			assertThat(browserGet(client, "/admin/packs").statusCode()).isEqualTo(403);
			String token = csrf(browserGet(client, "/assessments").body());
			HttpResponse<String> r = browserUpload(client, "/admin/packs/check", token,
					new MultipartBody().file("file", "x.yaml", edition("2025-x").getBytes(StandardCharsets.UTF_8)));
			assertThat(r.statusCode()).isEqualTo(403);
			assertThat(browserGet(client, "/assessments").body()).doesNotContain("href=\"/admin/packs\"");
		}
		// an upload without the CSRF token is refused
		HttpClient admin = signIn(Role.ADMIN);
		HttpResponse<String> forged = browserUpload(admin, "/admin/packs/check", "not-the-token",
				new MultipartBody().file("file", "x.yaml", edition("2025-x").getBytes(StandardCharsets.UTF_8)));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The located problem lines of a page. */
	private static java.util.List<String> problemLines(String html) {
		return html.lines().filter(l -> l.contains("<li><code>") && l.contains(".yaml:")).toList();
	}

}
