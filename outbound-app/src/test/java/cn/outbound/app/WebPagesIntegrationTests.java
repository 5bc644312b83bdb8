package cn.outbound.app;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI over HTTP: public pages, sign-in with CSRF, the questionnaire with inline problems, drafts, results,
 * history, languages.
 */
class WebPagesIntegrationTests extends ServerTests {

	@Test
	void homeAndListArePublicAndChineseByDefault() {
		HttpResponse<String> home = get("/", null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("lang=\"zh-CN\"").contains("数据出境前");
		HttpResponse<String> list = get("/list", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("战略物资和大宗商品类").contains("id=\"item-46\"");
		assertThat(list.body().split("<tr class=\"category\">", -1)).hasSize(14);
		assertThat(get("/list/tianjin-ftz/2024/items/20", null).body()).contains("银行").contains("≥ 1,000,000");
	}

	@Test
	void theListIsSearchableInChineseAndEnglish() {
		String zh = get("/list?q=" + URLEncoder.encode("银行", StandardCharsets.UTF_8), null).body();
		assertThat(zh).contains("id=\"item-20\"").doesNotContain("id=\"item-1\"");
		String en = get("/list?q=banking&lang=en", null).body();
		assertThat(en).contains("id=\"item-20\"").contains("Banking").doesNotContain("id=\"item-14\"");
		// "remote sensing" finds the pack's "Remote-sensing"
		assertThat(get("/list?q=remote+sensing&lang=en", null).body()).contains("id=\"item-4\"");
	}

	@Test
	void anItemOrEditionThatDoesNotExistIsA404Page() {
		assertThat(get("/list/tianjin-ftz/2024/items/20", null).statusCode()).isEqualTo(200);
		assertThat(get("/list/tianjin-ftz/2024/items/99", null).statusCode()).isEqualTo(404);
		assertThat(get("/list/nope/2024", null).statusCode()).isEqualTo(404);
	}

	@Test
	void languageIsChosenWithLangAndRemembered() {
		HttpClient client = browser();
		HttpResponse<String> en = browserGet(client, "/?lang=en");
		assertThat(en.body()).contains("lang=\"en\"").contains("Before data leaves China");
		assertThat(browserGet(client, "/list").body()).contains("lang=\"en\"");
		assertThat(browserGet(client, "/?lang=zh").body()).contains("lang=\"zh-CN\"");
	}

	@Test
	void pagesThatNeedAUserRedirectToSignIn() {
		HttpResponse<String> r = browserGet(browser(), "/assess");
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(browserGet(browser(), "/assessments").statusCode()).isEqualTo(302);
	}

	@Test
	void aWrongPasswordIsRefused() {
		HttpClient client = browser();
		String token = csrf(browserGet(client, "/login").body());
		HttpResponse<String> r = browserPost(client, "/login", "username=analyst&password=wrong-password&_csrf=" + enc(token));
		assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		assertThat(browserGet(client, "/login?error").body()).contains("id=\"login-error\"");
	}

	@Test
	void aFormWithoutTheCsrfTokenIsRefused() {
		HttpClient client = signIn(Role.ANALYST);
		HttpResponse<String> r = browserPost(client, "/assess", "action=decide&date=2026-03-15");
		// the questionnaire's answers are kept and the person is taken back to them (#11 item 3)
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/assess?resume");
		// any other page's write without its token is refused, saying that the page expired, not a question of role
		HttpResponse<String> other = browserPost(client, "/drafts/1/delete", "x=1");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).contains("id=\"page-expired\"").doesNotContain("无权");
	}

	@Test // #3
	void theQuestionnaireDecidesAndStoresTheBank() {
		HttpClient client = signIn(Role.ANALYST);
		String form = browserGet(client, "/assess").body();
		assertThat(form).contains("name=\"fact.20.affectedCustomers\"").contains("name=\"pi.0.basis\"");
		String body = "_csrf=" + enc(csrf(form)) + "&action=decide&jurisdiction=tianjin-ftz&date=2026-03-15"
				+ "&processor.name=" + enc("示例银行") + "&processor.ciio=false&item.20=on&fact.20.affectedCustomers=1200000"
				+ "&pi.0.individuals=150000&pi.0.sensitiveIndividuals=0&pi.0.basis=NONE";
		HttpResponse<String> r = browserPost(client, "/assess", body);
		assertThat(r.statusCode()).isEqualTo(302);
		String location = r.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/assessments/\\d+");
		String result = browserGet(client, location.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(result).contains("data-outcome=\"SECURITY_ASSESSMENT\"").contains("data-item=\"20\"")
			.contains("data-item=\"46\"").contains("id=\"headroom-individuals\"").contains("1,000,000");
	}

	@Test
	void problemsShowNextToTheirQuestion() {
		HttpClient client = signIn(Role.ANALYST);
		String form = browserGet(client, "/assess").body();
		String body = "_csrf=" + enc(csrf(form)) + "&action=decide&jurisdiction=tianjin-ftz&date=2026-03-15"
				+ "&processor.ciio=false&item.20=on&fact.20.affectedCustomers=-3&pi.0.individuals=abc&pi.0.basis=NONE";
		HttpResponse<String> r = browserPost(client, "/assess", body);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"form-errors\"").contains("href=\"#f-fact.20.affectedCustomers\"")
			.contains("href=\"#f-pi.0.individuals\"").contains("value=\"-3\"");
	}

	@Test
	void problemsAreShownInThePagesLanguage() {
		HttpClient client = signIn(Role.ANALYST);
		String form = browserGet(client, "/assess").body();
		String body = "_csrf=" + enc(csrf(form)) + "&action=decide&jurisdiction=tianjin-ftz&date=2026-03-15"
				+ "&processor.ciio=false&item.20=on&fact.20.affectedCustomers=-3";
		HttpResponse<String> zh = browserPost(client, "/assess", body);
		assertThat(zh.statusCode()).isEqualTo(200);
		assertThat(zh.body()).contains("id=\"form-errors\"")
			.contains("应为 0 至 1000000000000 之间的整数；-3 小于 0").contains("“第20项")
			.doesNotContain("affectedCustomers”").doesNotContain("must be a whole number");

		String enForm = browserGet(client, "/assess?lang=en").body();
		HttpResponse<String> en = browserPost(client, "/assess",
				body.replaceFirst("_csrf=[^&]*", "_csrf=" + enc(csrf(enForm))));
		assertThat(en.body()).contains("must be a whole number from 0 to 1000000000000, not -3").contains("“Item 20")
			.doesNotContain("fact 'affectedCustomers'").doesNotContain("小于");

		String token = enc(csrf(browserGet(client, "/assess?lang=zh").body()));
		HttpResponse<String> live = browserPost(client, "/assess/validate", "_csrf=" + token
				+ "&date=2026-03-15&item.20=on&fact.20.affectedCustomers=-1");
		assertThat(live.body()).contains("id=\"live-problems\"").contains("-1 小于 0");
	}

	@Test
	void answersAreCheckedLiveAsTheyAreGiven() {
		HttpClient client = signIn(Role.ANALYST);
		String token = enc(csrf(browserGet(client, "/assess").body()));
		HttpResponse<String> bad = browserPost(client, "/assess/validate", "_csrf=" + token
				+ "&date=2026-03-15&item.20=on&fact.20.affectedCustomers=-1");
		assertThat(bad.statusCode()).isEqualTo(200);
		// the problem is told under the question's label, not the form field's name (#11 item 6)
		assertThat(bad.body()).contains("id=\"live-problems\"").contains("第20项").doesNotContain("fact.20.affectedCustomers")
			.doesNotContain("<html");
		HttpResponse<String> good = browserPost(client, "/assess/validate", "_csrf=" + token
				+ "&date=2026-03-15&item.20=on&fact.20.affectedCustomers=1200000");
		assertThat(good.body()).contains("id=\"live-ok\"");
	}

	@Test
	void aHalfFinishedQuestionnaireIsSavedAsADraft() {
		HttpClient client = signIn(Role.ANALYST);
		String form = browserGet(client, "/assess").body();
		String body = "_csrf=" + enc(csrf(form)) + "&action=draft&title=" + enc("half done") + "&date=2026-03-15&item.21=on";
		HttpResponse<String> r = browserPost(client, "/assess", body);
		assertThat(r.statusCode()).isEqualTo(302);
		String again = browserGet(client, r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
		assertThat(again).contains("id=\"draft-saved\"").contains("value=\"half done\"");
		assertThat(again).containsPattern("id=\"item-21\"[^>]*checked");
		assertThat(browserGet(client, "/assessments").body()).contains("half done");
	}

	@Test
	void addsPersonalInformationGroups() {
		HttpClient client = signIn(Role.ANALYST);
		String form = browserGet(client, "/assess").body();
		HttpResponse<String> r = browserPost(client, "/assess", "_csrf=" + enc(csrf(form)) + "&action=addGroup&pi.0.individuals=5");
		assertThat(r.body()).contains("name=\"pi.1.individuals\"").contains("value=\"5\"");
	}

	@Test
	void theHistoryFiltersAndAViewerMayReadButNotAssess() {
		post("/api/v1/assessments", Role.ANALYST, bankScenario());
		HttpClient viewer = signIn(Role.VIEWER);
		String history = browserGet(viewer, "/assessments?outcome=SECURITY_ASSESSMENT").body();
		assertThat(history).contains("id=\"history\"").contains("安全评估").doesNotContain(">免予申报</span>");
		assertThat(browserGet(viewer, "/assess").statusCode()).isEqualTo(403);
		assertThat(browserGet(viewer, "/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void adminPagesShowUsersAndTheAuditChain() {
		HttpClient admin = signIn(Role.ADMIN);
		assertThat(browserGet(admin, "/admin/users").body()).contains("analyst");
		assertThat(browserGet(admin, "/admin/audit").body()).contains("id=\"audit-intact\"").contains("LOGIN");
	}

	@Test
	void aSessionMayCallTheApiButWritesNeedTheCsrfToken() {
		HttpClient client = signIn(Role.ANALYST);
		assertThat(browserGet(client, "/api/v1/rule-packs").statusCode()).isEqualTo(200);
		HttpResponse<String> write = browserPost(client, "/api/v1/decisions", bankScenario());
		assertThat(write.statusCode()).isEqualTo(403);
	}

	@Test
	void unknownPagesAre404WithoutAStackTrace() {
		HttpResponse<String> r = get("/assessments/abc", Role.VIEWER);
		assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
		HttpResponse<String> missing = browserGet(signIn(Role.VIEWER), "/assessments/999999");
		assertThat(missing.body()).contains("找不到");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
