package cn.outbound.app.ledger;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import cn.outbound.pii.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger over REST against the real server: upload, status, idempotence, conflicts, invalid rows, roles, and a
 * decision taking {@code priorThisYear} from the ledger. Each test uses its own processor id (one shared database).
 */
public class LedgerApiIntegrationTests extends ServerTests {

	/** A valid resident identity number, one per {@code n}. */
	public static String residentId(int n) {
		String first17 = String.format("110105%04d0101%03d", 1950 + n / 1000, n % 1000);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	/** A CSV of persons {@code from} (inclusive) to {@code to}, with an {@code id_number} column. */
	public static String csv(int from, int to, String... extraRows) {
		List<String> lines = new ArrayList<>();
		lines.add("customer,id_number");
		for (int i = from; i < to; i++) {
			lines.add("c" + i + "," + residentId(i));
		}
		lines.addAll(List.of(extraRows));
		return String.join("\n", lines) + "\n";
	}

	HttpResponse<String> upload(String processor, String query, String body, Role role) {
		return post("/api/v1/ledger/" + processor + "/events?" + query, role, body, "Content-Type", "text/csv");
	}

	@Test
	void anUploadIsCountedInTheStatusAndIsIdempotentByItsKey() {
		String q = "date=2026-03-15&eventKey=batch-1&column=id_number&recipient=HQ";
		HttpResponse<String> r = upload("api-a", q, csv(0, 30), Role.ANALYST);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		JsonNode recorded = json(r);
		assertThat(recorded.get("outcome").asString()).isEqualTo("RECORDED");
		assertThat(recorded.get("rowsRead").asLong()).isEqualTo(30);
		assertThat(r.body()).doesNotContain(residentId(3));

		HttpResponse<String> again = upload("api-a", q, csv(0, 30), Role.ANALYST);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");

		upload("api-a", "date=2026-04-02&eventKey=batch-2&column=2&basis=CONTRACT", csv(20, 40), Role.ANALYST);

		HttpResponse<String> s = get("/api/v1/ledger/api-a/status?year=2026", Role.VIEWER);
		assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
		JsonNode status = json(s);
		assertThat(status.get("processor").asString()).isEqualTo("api-a");
		assertThat(status.get("individuals").asLong()).isEqualTo(30);
		assertThat(status.get("exempt").toString()).contains("20");
		assertThat(s.body()).doesNotContain(residentId(3));
	}

	@Test
	void anotherEventUnderAUsedKeyIs409() {
		assertThat(upload("api-b", "date=2026-03-15&eventKey=k&column=id_number", csv(0, 5), Role.ANALYST).statusCode())
			.isEqualTo(201);
		HttpResponse<String> r = upload("api-b", "date=2026-03-15&eventKey=k&column=id_number", csv(0, 6), Role.ANALYST);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(r).get("type").asString()).isEqualTo("urn:outbound:problem:event-key-conflict");
	}

	@Test
	void invalidRowsAre422WithRowNumbersAndMaskedValuesUnlessSkipped() {
		String wrongCheckDigit = "110105194912310021";
		String body = csv(0, 5, "c-bad," + wrongCheckDigit, "c-empty,");
		HttpResponse<String> r = upload("api-c", "date=2026-03-15&eventKey=bad&column=id_number", body, Role.ANALYST);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
		JsonNode p = json(r);
		assertThat(p.get("type").asString()).isEqualTo("urn:outbound:problem:invalid-rows");
		assertThat(p.get("errors").get(0).get("row").asLong()).isEqualTo(7);
		assertThat(p.get("errors").get(0).get("value").asString()).isEqualTo("110************021");
		assertThat(p.get("errors").get(1).get("row").asLong()).isEqualTo(8);
		assertThat(r.body()).doesNotContain(wrongCheckDigit);
		assertThat(json(get("/api/v1/ledger/api-c/status?year=2026", Role.VIEWER)).get("individuals").asLong()).isZero();

		HttpResponse<String> skipped = upload("api-c", "date=2026-03-15&eventKey=bad&column=id_number&skipInvalid=true",
				body, Role.ANALYST);
		assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(201);
		assertThat(json(skipped).get("invalidRows").asLong()).isEqualTo(2);
		assertThat(json(get("/api/v1/ledger/api-c/status?year=2026", Role.VIEWER)).get("individuals").asLong())
			.isEqualTo(5);
	}

	@Test
	void badParametersRolesAndContentTypes() {
		assertThat(upload("api-d", "date=2026-13-01&eventKey=k&column=id_number", csv(0, 2), Role.ANALYST).statusCode())
			.isEqualTo(400);
		assertThat(upload("api-d", "date=2026-03-01&eventKey=k&column=id_number&basis=NOPE", csv(0, 2), Role.ANALYST)
			.statusCode()).isEqualTo(400);
		assertThat(upload("api-d", "date=2026-03-01&column=id_number", csv(0, 2), Role.ANALYST).statusCode())
			.isEqualTo(400);
		HttpResponse<String> noColumn = upload("api-d", "date=2026-03-01&eventKey=k&column=nope", csv(0, 2), Role.ANALYST);
		assertThat(noColumn.statusCode()).as(noColumn.body()).isEqualTo(422);
		assertThat(upload("api-d", "date=2026-03-01&eventKey=k&column=id_number", csv(0, 2), Role.VIEWER).statusCode())
			.isEqualTo(403);
		assertThat(post("/api/v1/ledger/api-d/events?date=2026-03-01&eventKey=k&column=id_number", Role.ANALYST, "{}")
			.statusCode()).isEqualTo(415);
		assertThat(get("/api/v1/ledger/api-d/status", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/ledger/api-d/status?year=1999", Role.VIEWER).statusCode()).isEqualTo(400);
	}

	@Test
	void anUploadOverOneMegabyteStreamsIn() {
		HttpResponse<String> r = upload("api-e", "date=2026-02-01&eventKey=big&column=id_number", csv(0, 45_000),
				Role.ANALYST);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(json(get("/api/v1/ledger/api-e/status?year=2026", Role.VIEWER)).get("individuals").asLong())
			.isEqualTo(45_000);
	}

	@Test
	void aDecisionTakesPriorThisYearFromTheLedger() {
		String scenario = """
				{"schema": "outbound/scenario/v1", "jurisdiction": "tianjin-ftz", "date": "2026-05-10",
				 "processor": {"id": "%s", "name": "示例", "ciio": false},
				 "data": [],
				 "personalInformation": [{"individuals": 10, "sensitiveIndividuals": 0, "basis": "NONE"}]}
				""";
		HttpResponse<String> none = post("/api/v1/decisions", Role.ANALYST, scenario.formatted("api-f"));
		assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
		assertThat(json(none).get("cumulative").get("priorSource").asString()).isEqualTo("NONE");

		assertThat(upload("api-f", "date=2026-03-15&eventKey=k&column=id_number", csv(0, 25), Role.ANALYST).statusCode())
			.isEqualTo(201);
		// after the decision's date: not counted
		assertThat(upload("api-f", "date=2026-06-01&eventKey=later&column=id_number", csv(100, 110), Role.ANALYST)
			.statusCode()).isEqualTo(201);
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, scenario.formatted("api-f"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode c = json(r).get("cumulative");
		assertThat(c.get("priorSource").asString()).isEqualTo("LEDGER");
		assertThat(c.get("prior").get("individuals").asLong()).isEqualTo(25);
		assertThat(c.get("individuals").asLong()).isEqualTo(35);
	}

}
