package cn.outbound.app.ledger;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger page: counts, the inline SVG chart with its threshold lines, and the alerts, in both languages.
 */
class LedgerPageIntegrationTests extends ServerTests {

	@Test
	void thePageShowsCountsChartAndAlerts() {
		HttpResponse<String> up = post("/api/v1/ledger/page-a/events?date=2026-02-10&eventKey=s1&column=id_number&sensitive=true",
				Role.ANALYST, LedgerApiIntegrationTests.csv(0, 8_100), "Content-Type", "text/csv");
		assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
		post("/api/v1/ledger/page-a/events?date=2026-04-10&eventKey=n1&column=id_number&basis=HR", Role.ANALYST,
				LedgerApiIntegrationTests.csv(9_000, 9_010), "Content-Type", "text/csv");

		HttpClient viewer = signIn(Role.VIEWER);
		HttpResponse<String> en = browserGet(viewer, "/ledger/page-a?year=2026&lang=en");
		assertThat(en.statusCode()).isEqualTo(200);
		assertThat(en.body()).contains("Export ledger: page-a")
			.contains("<svg class=\"ledger-chart\" id=\"chart-sensitive\"")
			.contains("<polyline points=")
			.contains("class=\"threshold\"")
			.contains(">10,000<")
			.contains("80% of the 10,000-person line reached: 8,100 persons (81%)")
			.contains("<td>8,100</td>")
			.contains("<td>10</td>")
			.doesNotContain(LedgerApiIntegrationTests.residentId(5));
		HttpResponse<String> zh = browserGet(viewer, "/ledger/page-a?year=2026&lang=zh");
		assertThat(zh.body()).contains("已达 10,000 人门槛的 80%");

		HttpResponse<String> empty = browserGet(viewer, "/ledger/nobody?year=2026&lang=en");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"ledger-empty\"");
	}

	@Test
	void thePageNeedsASignIn() {
		HttpResponse<String> r = browserGet(browser(), "/ledger/page-a");
		assertThat(r.statusCode()).isEqualTo(302);
	}

}
