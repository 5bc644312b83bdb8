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
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-off (#11 item 9): the rule every door calls. Four eyes (never the creator), a role that may review (ADMIN,
 * ANALYST; never a VIEWER), a comment on a return, nothing after an approval; each review audited.
 */
class ReviewsTests {

	private static final String BANK = """
			{"schema": "outbound/scenario/v1", "jurisdiction": "tianjin-ftz", "date": "2026-03-15",
			 "processor": {"id": "bank-tj", "name": "示例银行（天津）股份有限公司", "ciio": false},
			 "data": [{"item": 20, "facts": {"affectedCustomers": 1200000}}],
			 "personalInformation": [{"individuals": 150000, "sensitiveIndividuals": 0, "basis": "NONE"}]}
			""";

	private Services services;

	private Reviews reviews;

	private long id;

	@BeforeEach
	void open() throws Exception {
		this.services = Services.open(DatabaseSettings.of("jdbc:h2:mem:reviews-" + UUID.randomUUID()));
		Deciding deciding = new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
				PriorCounts.NONE);
		Assessments assessments = new Assessments(deciding,
				new AssessmentStore(this.services.dataSource(), this.services.writes()));
		this.reviews = new Reviews(this.services.dataSource(), this.services.writes(), this.services.users());
		for (String[] u : new String[][] { { "ana", "ANALYST" }, { "bob", "ANALYST" }, { "vera", "VIEWER" },
				{ "ada", "ADMIN" } }) {
			this.services.users().add(u[0], Role.valueOf(u[1]), "correct-horse-battery", "tests", null);
		}
		this.id = assessments.create(cn.outbound.service.org.Scope.commandLine("ana", "default"), BANK.getBytes(StandardCharsets.UTF_8), "loans", null, null).assessment().id();
	}

	@AfterEach
	void close() {
		this.services.close();
	}

	@Test // #11
	void theCreatorMayNotReviewTheirOwnAssessment() {
		assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.APPROVED, null, "ana", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.OWN_ASSESSMENT));
		// the name is folded as at sign-in: ANA is ana
		assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.APPROVED, null, "ANA", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.OWN_ASSESSMENT));
	}

	@Test // #11
	void aViewerOrAnUnknownUserMayNotReview() {
		for (String who : new String[] { "vera", "nobody", null }) {
			assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.APPROVED, null, who, null))
				.isInstanceOfSatisfying(Reviews.Refused.class,
						r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.ROLE));
		}
		assertThat(Reviews.mayReview(Role.VIEWER)).isFalse();
		assertThat(Reviews.mayReview(Role.ANALYST)).isTrue();
		assertThat(Reviews.mayReview(Role.ADMIN)).isTrue();
	}

	@Test // #11
	void aReturnNeedsACommentThenAnotherUserApprovesAndNothingFollows() throws Exception {
		assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.RETURNED, "  ", "bob", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.COMMENT_REQUIRED));
		assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.APPROVED, "x".repeat(2001), "bob", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.COMMENT_TOO_LONG));
		this.reviews.review(this.id, Reviews.Verdict.RETURNED, "客户数请按台账核对", "bob", "10.0.0.2");
		assertThat(Reviews.status(this.reviews.of("default", this.id))).isEqualTo(Reviews.Status.RETURNED);
		Reviews.Review ok = this.reviews.review(this.id, Reviews.Verdict.APPROVED, "x".repeat(2000), "ada", "10.0.0.3");
		List<Reviews.Review> all = this.reviews.of("default", this.id);
		assertThat(all).extracting(Reviews.Review::reviewer).containsExactly("bob", "ada");
		assertThat(Reviews.status(all)).isEqualTo(Reviews.Status.APPROVED);
		assertThat(Reviews.approval(all)).contains(ok);
		assertThat(this.reviews.latest(List.of(this.id, 999L))).containsOnlyKeys(this.id);
		assertThatThrownBy(() -> this.reviews.review(this.id, Reviews.Verdict.RETURNED, "late", "bob", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.ALREADY_APPROVED));
		assertThatThrownBy(() -> this.reviews.review(999, Reviews.Verdict.APPROVED, null, "bob", null))
			.isInstanceOfSatisfying(Reviews.Refused.class,
					r -> assertThat(r.reason()).isEqualTo(Reviews.Refused.Reason.NOT_FOUND));
		assertThat(this.services.auditLog().page(0, 10, "ASSESSMENT_RETURNED")).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo("bob");
			assertThat(e.target()).isEqualTo("assessment:" + this.id);
			assertThat(e.remote()).isEqualTo("10.0.0.2");
		});
		assertThat(this.services.auditLog().page(0, 10, "ASSESSMENT_APPROVED")).singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("ada"));
		assertThat(this.services.auditLog().verify().intact()).isTrue();
	}

}
