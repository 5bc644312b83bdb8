package cn.outbound.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.HashedPersons;
import cn.outbound.ledger.IngestListener;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.RecordResult;

import static org.apache.spark.sql.functions.col;

/**
 * Records a scan's distinct persons into the ledger as one export event: the executors' keyed hashes are streamed to
 * the driver a partition at a time ({@code toLocalIterator}, partitions of at most {@value #PER_PARTITION} hashes)
 * straight into the ledger's ingest, which spills them to sorted runs past its memory and writes the event in one
 * transaction. So nothing is written unless every hash arrived, a repeat under the same event key changes nothing,
 * and the driver never holds the persons as a list.
 *
 * <p>
 * Classes as {@code outbound scan --record-to-ledger} gives them: sensitive when a minor or with a value in a
 * sensitive column; non-sensitive when not a minor and with a value in a non-sensitive PI column, or when in neither
 * class (an identifier column and nothing else).
 */
final class LedgerHandOff {

	/** Hashes per partition handed to the driver at most (about 10 MB of rows). */
	static final long PER_PARTITION = 1 << 18;

	private LedgerHandOff() {
	}

	static RecordResult record(SparkScan.Result result, Ledger ledger, EventSpec event, IngestListener listener) {
		if (!result.key().isLedgers()) {
			throw new IllegalStateException("the scan was not hashed under the ledger's key");
		}
		Dataset<Row> persons = result.persons();
		long[] handed = { 0 };
		List<HashedPersons> parts = new ArrayList<>();
		for (PersonClass pc : PersonClass.values()) {
			Dataset<Row> part = persons.where(pc.sensitive() ? col("sensitive") : col("nonSensitive")).select("hash");
			long n = part.count();
			if (n == 0) {
				continue;
			}
			int partitions = (int) Math.max(1, Math.min(1 << 16, (n + PER_PARTITION - 1) / PER_PARTITION));
			Dataset<Row> streamed = (part.rdd().getNumPartitions() >= partitions) ? part
					: part.repartition(partitions, new Column[] { col("hash") });
			parts.add(new HashedPersons(pc, result.key().fingerprint(), hashes(streamed.toLocalIterator(), handed)));
		}
		if (parts.isEmpty()) {
			throw new cn.outbound.ledger.LedgerInputException("record-to-ledger",
					"the scan found no person identifiers to record: nothing was recorded (see --id-column)");
		}
		return ledger.recordHashed(event, parts, listener);
	}

	private static Iterator<byte[]> hashes(Iterator<Row> rows, long[] handed) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return rows.hasNext();
			}

			@Override
			public byte[] next() {
				if (!rows.hasNext()) {
					throw new NoSuchElementException();
				}
				byte[] h = (byte[]) rows.next().get(0);
				if ((++handed[0] & 1023) == 0) {
					SparkScan.stages.hashed(handed[0]);
				}
				return h;
			}

		};
	}

}
