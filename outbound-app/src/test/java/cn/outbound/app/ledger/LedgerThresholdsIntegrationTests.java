package cn.outbound.app.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #10: the ledger's headroom in the API and on the page comes from the edition in force, published editions included,
 * as the engine's and the CLI's do.
 */
class LedgerThresholdsIntegrationTests extends ServerTests {

	private HttpResponse<String> upload(String yaml) {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs?fileName=tianjin-ftz-2027-bands-test.yaml")))
			.header("Authorization", "Bearer " + token(Role.ADMIN))
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
			.build());
	}

	@Test // #10
	void aPublishedEditionThatMovesTheBandsMovesTheHeadroomInTheApiAndThePage() throws IOException {
		String yaml = Files.readString(
				repo().resolve("outbound-rules/src/test/resources/editions/tianjin-ftz-2027-bands-test.yaml"));
		String processor = "thresholds-" + System.nanoTime();
		JsonNode before = json(get("/api/v1/ledger/" + processor + "/status?year=2027", Role.VIEWER));
		assertThat(before.get("thresholdSource").asString()).isEqualTo("tianjin-ftz 2024");
		assertThat(before.get("headroom").get(0).get("limit").asLong()).isEqualTo(100_000);
		HttpResponse<String> published = upload(yaml);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		try {
			JsonNode after = json(get("/api/v1/ledger/" + processor + "/status?year=2027", Role.VIEWER));
			assertThat(after.get("thresholdSource").asString()).isEqualTo("tianjin-ftz 2027-bands-test");
			assertThat(after.get("headroom").get(0).get("limit").asLong()).isEqualTo(50_000);
			// this year is still under the 2024 edition
			assertThat(json(get("/api/v1/ledger/" + processor + "/status?year=2026", Role.VIEWER)).get("thresholdSource")
				.asString()).isEqualTo("tianjin-ftz 2024");
			String page = browserGet(signIn(Role.VIEWER), "/ledger/" + processor + "?year=2027").body();
			assertThat(page).contains("tianjin-ftz 2027-bands-test").contains("50,000").doesNotContain("100,000");
			HttpResponse<String> unknown = get("/api/v1/ledger/" + processor + "/status?jurisdiction=shanghai", Role.VIEWER);
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(unknown.body()).contains("jurisdiction").contains("tianjin-ftz");
		}
		finally {
			send(HttpRequest.newBuilder(URI.create(url("/api/v1/rule-packs/tianjin-ftz/2027-bands-test")))
				.header("Authorization", "Bearer " + token(Role.ADMIN))
				.DELETE()
				.build());
		}
	}

}
