package cn.outbound.ledger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.rules.Basis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Ledger#recordHashed} (the Spark job's way in): persons hashed elsewhere under the ledger's key count as the
 * same persons recorded from identifiers, hashes of another key or of the wrong size leave nothing, and a repeat is a
 * no-op. Every identifier here is synthetic ({@link TestIds}).
 */
class RecordHashedTests {

	private static final LedgerKey KEY = LedgerKey.of(new byte[32]);

	@TempDir
	Path dir;

	private Database database;

	private Ledger ledger;

	@BeforeEach
	void open() {
		this.database = TestDatabases.h2(this.dir);
		this.ledger = Ledger.open(this.database, KEY,
				LedgerSettings.defaults().withSpillDirectory(this.dir.resolve("spill")));
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void hashedPersonsAreTheSamePersonsAsIdentifiers() {
		List<String> first = TestIds.residentIds(0, 50);
		this.ledger.record(event("e1", "2026-03-01"),
				new Persons(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, IdentifierSource.of(first.iterator())));
		// 30 already recorded, 20 new, each twice
		List<String> second = new ArrayList<>(TestIds.residentIds(20, 70));
		second.addAll(TestIds.residentIds(20, 70));
		RecordResult r = this.ledger.recordHashed(event("e2", "2026-03-02"),
				List.of(new HashedPersons(PersonClass.NON_SENSITIVE, KEY.fingerprint(), hashes(second, KEY))), null);
		assertThat(r.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
		assertThat(r.rowsRead()).isEqualTo(100);
		assertThat(r.parts()).singleElement().satisfies(p -> {
			assertThat(p.persons()).isEqualTo(50);
			assertThat(p.newThisYear()).isEqualTo(20);
		});
		assertThat(this.ledger.countsUpTo(r.event().processor(), LocalDate.parse("2026-03-31")).individuals())
			.isEqualTo(70);
		RecordResult again = this.ledger.recordHashed(event("e2", "2026-03-02"),
				List.of(new HashedPersons(PersonClass.NON_SENSITIVE, KEY.fingerprint(), hashes(second, KEY))), null);
		assertThat(again.outcome()).isEqualTo(RecordResult.Outcome.ALREADY_RECORDED);
		assertThat(this.ledger.events(r.event().processor(), 2026)).hasSize(2);
	}

	@Test
	void hashesOfAnotherKeyOrSizeRecordNothing() {
		LedgerKey other = LedgerKey.of("another key, 32 bytes or longer!".getBytes());
		List<String> ids = TestIds.residentIds(0, 10);
		assertThatExceptionOfType(LedgerKeyException.class)
			.isThrownBy(() -> this.ledger.recordHashed(event("k", "2026-03-01"),
					List.of(new HashedPersons(PersonClass.SENSITIVE, other.fingerprint(), hashes(ids, other))), null))
			.withMessageContaining("nothing was recorded");
		Iterator<byte[]> shortHash = List.of(new byte[PersonHashes.BYTES], new byte[7]).iterator();
		assertThatExceptionOfType(LedgerInputException.class)
			.isThrownBy(() -> this.ledger.recordHashed(event("k", "2026-03-01"),
					List.of(new HashedPersons(PersonClass.SENSITIVE, KEY.fingerprint(), shortHash)), null))
			.withMessage("a person hash must be " + PersonHashes.BYTES + " bytes");
		assertThatExceptionOfType(LedgerInputException.class)
			.isThrownBy(() -> this.ledger.recordHashed(event("k", "2026-03-01"),
					List.of(new HashedPersons(PersonClass.SENSITIVE, KEY.fingerprint(), List.<byte[]>of().iterator())),
					null))
			.withMessage("no person to record");
		assertThat(this.ledger.events("proc-hashed", 2026)).isEmpty();
	}

	private static EventSpec event(String key, String date) {
		return EventSpec.of("proc-hashed", key, LocalDate.parse(date), Basis.NONE);
	}

	private static Iterator<byte[]> hashes(List<String> ids, LedgerKey key) {
		PersonHashes h = key.personHashes();
		List<byte[]> out = new ArrayList<>();
		for (String id : ids) {
			byte[] b = new byte[PersonHashes.BYTES];
			h.hash(IdentifierKind.RESIDENT_ID, id, b, 0);
			out.add(b);
		}
		return out.iterator();
	}

}
