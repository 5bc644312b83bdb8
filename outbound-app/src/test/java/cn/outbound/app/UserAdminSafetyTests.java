package cn.outbound.app;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 item 16: new users are viewers at every door, disabling a user and revoking tokens ask first (without
 * JavaScript), and the login page sends people to their administrator, not to a command.
 */
class UserAdminSafetyTests extends ServerTests {

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Test
	void theAdminPageAndTheApiMakeViewersByDefault() {
		HttpClient admin = signIn(Role.ADMIN);
		String page = browserGet(admin, "/admin/users").body();
		assertThat(page).containsPattern("<option value=\"VIEWER\" selected");
		assertThat(page).doesNotContainPattern("<option value=\"ADMIN\" selected");
		HttpResponse<String> added = browserPost(admin, "/admin/users", "_csrf=" + enc(csrf(page)) + "&username=norole1");
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(browserGet(admin, "/admin/users").body()).containsPattern("<td>norole1</td><td>[^<]*(查看|Viewer|VIEWER)");
		HttpResponse<String> api = post("/api/v1/users", Role.ADMIN, "{\"username\":\"norole2\"}");
		assertThat(api.statusCode()).as(api.body()).isBetween(200, 201);
		assertThat(api.body()).contains("\"role\":\"VIEWER\"");
	}

	@Test
	void disablingAndRevokingAskFirst() {
		HttpClient admin = signIn(Role.ADMIN);
		String page = browserGet(admin, "/admin/users").body();
		browserPost(admin, "/admin/users", "_csrf=" + enc(csrf(page)) + "&username=victim&role=ANALYST");
		page = browserGet(admin, "/admin/users?lang=zh").body();
		HttpResponse<String> ask = browserPost(admin, "/admin/users/victim/disable", "_csrf=" + enc(csrf(page)));
		assertThat(ask.statusCode()).isEqualTo(200);
		assertThat(ask.body()).contains("id=\"confirm\"").contains("停用用户 victim？").contains("name=\"confirm\" value=\"yes\"");
		assertThat(browserGet(admin, "/admin/users").body()).containsPattern("<td>victim</td><td>[^<]*</td><td>default</td><td>启用");
		HttpResponse<String> done = browserPost(admin, "/admin/users/victim/disable",
				"_csrf=" + enc(csrf(ask.body())) + "&confirm=yes");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(browserGet(admin, "/admin/users").body()).containsPattern("<td>victim</td><td>[^<]*</td><td>default</td><td>停用");
		HttpResponse<String> revoke = browserPost(admin, "/admin/users/victim/revoke?lang=en",
				"_csrf=" + enc(csrf(page)));
		assertThat(revoke.body()).contains("Revoke every API token of user victim?");
	}

	@Test
	void theLoginPageNamesNoCommand() {
		HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		for (String lang : new String[] { "zh", "en" }) {
			String login = browserGet(anonymous, "/login?lang=" + lang).body();
			assertThat(login).doesNotContain("./outbound").doesNotContain("--role");
			assertThat(login).containsAnyOf("请联系您所在机构的管理员", "Ask the administrator of your organisation");
		}
	}

}
