package cn.outbound.filing.life;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.outbound.rules.Mechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LifecycleTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	static final Mechanism SA = Mechanism.SECURITY_ASSESSMENT;

	static final Mechanism SC = Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION;

	/** The oracle: issue #14 item 4 and docs/filing-life.md, written out by hand. */
	static final Set<String> ALLOWED = Set.of(
			"SECURITY_ASSESSMENT DRAFT SUBMITTED", "SECURITY_ASSESSMENT DRAFT WITHDRAWN",
			"SECURITY_ASSESSMENT SUBMITTED ACCEPTED", "SECURITY_ASSESSMENT SUBMITTED REJECTED",
			"SECURITY_ASSESSMENT SUBMITTED WITHDRAWN", "SECURITY_ASSESSMENT ACCEPTED APPROVED",
			"SECURITY_ASSESSMENT ACCEPTED REJECTED", "SECURITY_ASSESSMENT ACCEPTED WITHDRAWN",
			"STANDARD_CONTRACT_OR_CERTIFICATION DRAFT CONTRACT_EFFECTIVE",
			"STANDARD_CONTRACT_OR_CERTIFICATION DRAFT WITHDRAWN",
			"STANDARD_CONTRACT_OR_CERTIFICATION CONTRACT_EFFECTIVE FILED",
			"STANDARD_CONTRACT_OR_CERTIFICATION CONTRACT_EFFECTIVE WITHDRAWN");

	static Stream<Arguments> everyMove() {
		List<Arguments> all = new ArrayList<>();
		for (Mechanism m : List.of(SA, SC)) {
			for (FilingState from : FilingState.values()) {
				for (FilingState to : FilingState.values()) {
					all.add(Arguments.of(m, from, to));
				}
			}
		}
		return all.stream();
	}

	static Filing filing(Mechanism m, FilingState state, LocalDate last) {
		List<Step> steps = new ArrayList<>();
		if (state != FilingState.DRAFT) {
			steps.add(new Step(1, FilingState.DRAFT, state, last, null, Instant.EPOCH, "alice"));
		}
		return new Filing(7, 3, "p", m, state, null, null, Instant.EPOCH, "alice", steps);
	}

	static Advance advance(FilingState to, LocalDate date) {
		return new Advance(to, date, (to == FilingState.FILED) ? "沪备-2026-001" : null,
				(to == FilingState.APPROVED) ? new ApprovedScale(500_000L, null, List.of("Acme GmbH")) : null);
	}

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@MethodSource("everyMove")
	void allowsExactlyTheMovesOfTheTable(Mechanism m, FilingState from, FilingState to) {
		Filing f = filing(m, from, LocalDate.of(2026, 5, 1));
		boolean allowed = ALLOWED.contains(m + " " + from + " " + to);
		assertThat(Lifecycle.next(m, from).contains(to)).isEqualTo(allowed);
		if (allowed) {
			Lifecycle.check(f, advance(to, LocalDate.of(2026, 5, 2)), TODAY);
		}
		else {
			FilingException ex = catchThrowableOfType(FilingException.class,
					() -> Lifecycle.check(f, advance(to, LocalDate.of(2026, 5, 2)), TODAY));
			assertThat(ex.kind()).isEqualTo(FilingException.Kind.CONFLICT);
			assertThat(ex.field()).isEqualTo("to");
			assertThat(ex.code()).isEqualTo("transition-refused");
			assertThat(ex.in("en")).contains("is " + from.name()).contains("cannot move to " + to.name());
			assertThat(ex.in("zh")).contains("当前为 " + from.name()).contains("不能进入 " + to.name());
		}
	}

	@Test
	void aRefusalNamesTheStateAndTheAllowedOnes() {
		FilingException ex = catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(filing(SA, FilingState.SUBMITTED, LocalDate.of(2026, 5, 1)),
						advance(FilingState.FILED, LocalDate.of(2026, 5, 2)), TODAY));
		assertThat(ex.in("en")).isEqualTo("Filing 7 is SUBMITTED (submitted) and cannot move to FILED (filed); allowed"
				+ " next: ACCEPTED (accepted), REJECTED (rejected), WITHDRAWN (withdrawn).");
		assertThat(ex.in("zh")).isEqualTo("申报 7 当前为 SUBMITTED（已提交申报），不能进入 FILED（已备案）；可进入的下一状态："
				+ "ACCEPTED（已受理）、REJECTED（未通过）、WITHDRAWN（已撤回）。");
		FilingException done = catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(filing(SC, FilingState.FILED, LocalDate.of(2026, 5, 1)),
						advance(FilingState.WITHDRAWN, LocalDate.of(2026, 5, 2)), TODAY));
		assertThat(done.in("en")).endsWith("; no move leads out of it.");
	}

	@Test
	void aDateIsNotAfterTodayNorBeforeThePreviousStep() {
		Filing f = filing(SA, FilingState.SUBMITTED, LocalDate.of(2026, 5, 10));
		Lifecycle.check(f, advance(FilingState.ACCEPTED, LocalDate.of(2026, 5, 10)), TODAY); // same day: allowed
		Lifecycle.check(f, advance(FilingState.ACCEPTED, TODAY), TODAY); // today: allowed
		assertThat(catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(f, advance(FilingState.ACCEPTED, LocalDate.of(2026, 5, 9)), TODAY)))
			.satisfies(ex -> {
				assertThat(ex.field()).isEqualTo("date");
				assertThat(ex.code()).isEqualTo("date-before-previous");
				assertThat(ex.in("en")).contains("2026-05-09 is before the previous step (SUBMITTED (submitted), 2026-05-10)");
			});
		assertThat(catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(f, advance(FilingState.ACCEPTED, TODAY.plusDays(1)), TODAY)))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo("date-in-future");
				assertThat(ex.in("zh")).contains("2026-06-02 晚于今天（2026-06-01");
			});
		assertThat(catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(filing(SA, FilingState.DRAFT, null), advance(FilingState.SUBMITTED, null), TODAY)))
			.extracting(FilingException::field, FilingException::code)
			.containsExactly("date", "missing");
		assertThat(catchThrowableOfType(FilingException.class,
				() -> Lifecycle.check(filing(SA, FilingState.DRAFT, null),
						advance(FilingState.SUBMITTED, LocalDate.of(1999, 12, 31)), TODAY)))
			.extracting(FilingException::code)
			.isEqualTo("date-too-early");
	}

	@Test
	void filedNeedsANumberAndOnlyFiledTakesOne() {
		Filing f = filing(SC, FilingState.CONTRACT_EFFECTIVE, LocalDate.of(2026, 5, 1));
		assertThatThrownBy(() -> Lifecycle.check(f, new Advance(FilingState.FILED, TODAY, " ", null), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.field()).isEqualTo("number"));
		assertThatThrownBy(() -> Lifecycle.check(f, new Advance(FilingState.FILED, TODAY, "x".repeat(101), null), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.code()).isEqualTo("invalid"));
		Lifecycle.check(f, new Advance(FilingState.FILED, TODAY, "x".repeat(100), null), TODAY);
		assertThatThrownBy(() -> Lifecycle.check(f, new Advance(FilingState.WITHDRAWN, TODAY, "N-1", null), TODAY))
			.isInstanceOfSatisfying(FilingException.class,
					ex -> assertThat(ex.in("en")).startsWith("number: a filing number is given only when moving to FILED"));
	}

	@Test
	void approvedNeedsItsScale() {
		Filing f = filing(SA, FilingState.ACCEPTED, LocalDate.of(2026, 5, 1));
		assertThatThrownBy(() -> Lifecycle.check(f, new Advance(FilingState.APPROVED, TODAY, null, null), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.field()).isEqualTo("scale"));
		assertThatThrownBy(() -> Lifecycle.check(f,
				new Advance(FilingState.APPROVED, TODAY, null, new ApprovedScale(null, null, List.of("A"))), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.code()).isEqualTo("missing"));
		assertThatThrownBy(() -> Lifecycle.check(f,
				new Advance(FilingState.APPROVED, TODAY, null, new ApprovedScale(1L, null, List.of())), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.field()).isEqualTo("recipients"));
		assertThatThrownBy(() -> Lifecycle.check(f, new Advance(FilingState.APPROVED, TODAY, null,
				new ApprovedScale(ApprovedScale.MAX_PERSONS + 1, null, List.of("A"))), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.code()).isEqualTo("out-of-range"));
		assertThatThrownBy(() -> Lifecycle.check(f,
				new Advance(FilingState.APPROVED, TODAY, null, new ApprovedScale(1L, 2L, List.of("A", "A"))), TODAY))
			.isInstanceOfSatisfying(FilingException.class, ex -> assertThat(ex.field()).isEqualTo("recipients"));
		Lifecycle.check(f, new Advance(FilingState.APPROVED, TODAY, null, new ApprovedScale(0L, 2L, List.of("A", "B"))),
				TODAY);
	}

	@Test
	void onlyAnAssessmentOrAContractHasAFiling() {
		assertThat(Lifecycle.mechanism(1, "SECURITY_ASSESSMENT")).isEqualTo(SA);
		assertThat(Lifecycle.mechanism(1, "STANDARD_CONTRACT_OR_CERTIFICATION")).isEqualTo(SC);
		assertThatThrownBy(() -> Lifecycle.mechanism(5, "EXEMPT"))
			.isInstanceOfSatisfying(FilingException.class, ex -> {
				assertThat(ex.code()).isEqualTo("nothing-to-file");
				assertThat(ex.in("zh")).startsWith("评估 5 的结论为 EXEMPT");
			});
	}

}
