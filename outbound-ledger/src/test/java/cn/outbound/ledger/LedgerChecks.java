package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import cn.outbound.ledger.db.Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-database invariants for the crash and concurrency tests: every person is in the directory once, with a
 * distinct id below the next free id, and nothing else.
 */
final class LedgerChecks {

	private LedgerChecks() {
	}

	/** Asserts the invariants and returns the number of persons in the directory. */
	static long directoryIsConsistent(Database db) throws Exception {
		try (Connection c = db.connection(); Statement st = c.createStatement()) {
			long next;
			try (ResultSet rs = st.executeQuery("select next_person_id from ledger_lock where id = 1")) {
				rs.next();
				next = rs.getLong(1);
			}
			List<byte[]> hashes = new ArrayList<>();
			BitSet ids = new BitSet();
			long persons = 0;
			try (PreparedStatement ps = c.prepareStatement(
					"select bucket, persons, first_id, hashes, ids from ledger_person_block order by bucket, id");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					int bucket = rs.getInt(1);
					int n = rs.getInt(2);
					long first = rs.getLong(3);
					byte[] h = rs.getBytes(4);
					byte[] idBytes = rs.getBytes(5);
					for (int i = 0; i < n; i++) {
						byte[] one = Arrays.copyOfRange(h, i * 32, i * 32 + 32);
						assertThat(((one[0] & 0xFF) << 8) | (one[1] & 0xFF)).isEqualTo(bucket);
						hashes.add(one);
						long id = (idBytes.length == 0) ? first + i
								: ((idBytes[i * 4] & 0xFFL) << 24) | ((idBytes[i * 4 + 1] & 0xFFL) << 16)
										| ((idBytes[i * 4 + 2] & 0xFFL) << 8) | (idBytes[i * 4 + 3] & 0xFFL);
						assertThat(id).isLessThan(next);
						assertThat(ids.get((int) id)).as("id %d used twice", id).isFalse();
						ids.set((int) id);
					}
					persons += n;
				}
			}
			hashes.sort(Arrays::compareUnsigned);
			for (int i = 1; i < hashes.size(); i++) {
				assertThat(Arrays.compareUnsigned(hashes.get(i - 1), hashes.get(i))).as("a person is in the directory twice")
					.isLessThan(0);
			}
			assertThat(persons).as("persons in the directory = ids handed out").isEqualTo(next);
			return persons;
		}
	}

}
