package cn.outbound.app;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 item 7: a bad parameter in a page's address shows the app's error page in the page's language, naming the
 * parameter and what it takes; the API keeps its problem JSON.
 */
class PageParameterErrorsTests extends ServerTests {

	private static final List<String> BAD = List.of("/assessments/abc", "/assess?draft=abc", "/assessments?page=abc",
			"/ledger/acme?year=abc", "/list/tianjin-ftz/2024/items/abc");

	@Test
	void aBadParameterOnAPageIsTheErrorPageInChinese() {
		HttpClient admin = signIn(Role.ADMIN);
		for (String path : BAD) {
			HttpResponse<String> r = browserGet(admin, path + (path.contains("?") ? "&" : "?") + "lang=zh");
			assertThat(r.statusCode()).as(path).isEqualTo(400);
			assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
			assertThat(r.body()).as(path).contains("出错了").contains("id=\"error-message\"").contains("“abc”")
				.contains("应为一个整数").contains("请使用页面上的链接").doesNotContain("\"type\"").doesNotContain("Exception");
		}
	}

	@Test
	void aBadParameterOnAPageIsTheErrorPageInEnglish() {
		HttpClient admin = signIn(Role.ADMIN);
		for (String path : BAD) {
			HttpResponse<String> r = browserGet(admin, path + (path.contains("?") ? "&" : "?") + "lang=en");
			assertThat(r.statusCode()).as(path).isEqualTo(400);
			assertThat(r.body()).as(path).contains("Something went wrong").contains("must be a whole number")
				.contains("\"abc\" is not").doesNotContain("出错了");
		}
	}

	@Test
	void theApiKeepsItsProblemJson() {
		HttpResponse<String> r = get("/api/v1/assessments/abc", Role.ADMIN);
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		assertThat(r.body()).contains("invalid-parameter").contains("abc");
	}

}
