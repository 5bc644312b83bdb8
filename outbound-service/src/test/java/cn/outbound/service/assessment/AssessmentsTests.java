package cn.outbound.service.assessment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.Services;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RejectedRequest;
import cn.outbound.service.decision.RuleBooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Creating an assessment the way the API and the questionnaire do: read, decide, store with its audit entry; what is
 * refused is refused before anything is stored.
 */
class AssessmentsTests {

	static final cn.outbound.service.org.Scope SCOPE = cn.outbound.service.org.Scope.commandLine("analyst", "default");


	private static final String BANK = """
			{"schema": "outbound/scenario/v1", "jurisdiction": "tianjin-ftz", "date": "2026-03-15",
			 "processor": {"id": "bank-tj", "name": "示例银行（天津）股份有限公司", "ciio": false},
			 "data": [{"item": 20, "description": "loan ledger", "facts": {"affectedCustomers": 1200000}}],
			 "personalInformation": [{"individuals": 150000, "sensitiveIndividuals": 0, "basis": "NONE"}]}
			""";

	private Services services;

	private Assessments assessments;

	@BeforeEach
	void open() {
		this.services = Services.open(DatabaseSettings.of("jdbc:h2:mem:assessments-" + UUID.randomUUID()));
		Deciding deciding = new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
				PriorCounts.NONE);
		this.assessments = new Assessments(deciding,
				new AssessmentStore(this.services.dataSource(), this.services.writes()));
	}

	@AfterEach
	void close() {
		this.services.close();
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test // #10: decided and stored with its audit entry, in the envelope with a title
	void createsDecidesAndAudits() throws Exception {
		Assessments.Created c = this.assessments.create(SCOPE, bytes("{\"title\": \"Q1 loans\", \"scenario\": " + BANK + "}"),
				null, null, "10.0.0.1");
		assertThat(c.replay()).isFalse();
		assertThat(c.assessment().title()).isEqualTo("Q1 loans");
		assertThat(c.assessment().outcome()).isEqualTo("SECURITY_ASSESSMENT");
		// item 20 (1,200,000 customers' loan data) and item 46 (150,000 persons' PI)
		assertThat(c.assessment().items()).containsExactly(20, 46);
		assertThat(this.assessments.find(SCOPE, c.assessment().id())).isPresent();
		assertThat(this.services.auditLog().page(0, 10, "ASSESSMENT_CREATED")).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo("analyst");
			assertThat(e.remote()).isEqualTo("10.0.0.1");
			assertThat(e.target()).isEqualTo("assessment:" + c.assessment().id());
			assertThat(e.details()).isEqualTo("outcome=SECURITY_ASSESSMENT items=20,46 pack=tianjin-ftz@2024");
		});
	}

	@Test // #10: an idempotency key names one request
	void aRepeatedKeyReplaysAndAKeyReusedForAnotherBodyIsRefused() throws Exception {
		Assessments.Created first = this.assessments.create(SCOPE, bytes(BANK), "t", "key-1", null);
		Assessments.Created again = this.assessments.create(SCOPE, bytes(BANK), "t", "key-1", null);
		assertThat(again.replay()).isTrue();
		assertThat(again.assessment().id()).isEqualTo(first.assessment().id());
		assertThatThrownBy(() -> this.assessments.create(SCOPE, bytes(BANK.replace("150000", "150001")), "t",
				"key-1", null))
			.isInstanceOfSatisfying(RejectedRequest.class, r -> {
				assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.IDEMPOTENCY_KEY_REUSED);
				assertThat(r.field()).isEqualTo("Idempotency-Key");
			});
		assertThat(this.services.auditLog().count("ASSESSMENT_CREATED")).isEqualTo(1);
	}

	@Test // #10: nothing stored for what is refused
	void anUnknownEnvelopeFieldATitleTooLongAndAnInvalidScenarioStoreNothing() throws Exception {
		assertThatThrownBy(() -> this.assessments.create(SCOPE, bytes("{\"scenario\": " + BANK + ", \"tilte\": \"x\"}"), null,
				null, null))
			.isInstanceOfSatisfying(RejectedRequest.class, r -> {
				assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.INVALID_REQUEST);
				assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/tilte"));
			});
		assertThatThrownBy(() -> this.assessments.create(SCOPE, bytes(BANK), "x".repeat(Assessments.MAX_TITLE + 1),
				null, null))
			.isInstanceOfSatisfying(RejectedRequest.class, r -> {
				assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.INVALID_PARAMETER);
				assertThat(r.field()).isEqualTo("title");
			});
		this.assessments.create(SCOPE, bytes(BANK), "x".repeat(Assessments.MAX_TITLE), null, null);
		assertThatThrownBy(() -> this.assessments.create(SCOPE, bytes(BANK.replace("150000", "-1")), null, null,
				null))
			.isInstanceOfSatisfying(RejectedRequest.class,
					r -> assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.INVALID_SCENARIO));
		assertThat(this.services.auditLog().count("ASSESSMENT_CREATED")).isEqualTo(1);
	}

}
