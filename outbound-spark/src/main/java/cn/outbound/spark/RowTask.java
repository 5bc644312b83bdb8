package cn.outbound.spark;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import cn.outbound.tables.CellDecoder;
import cn.outbound.scan.SparkAdapter;

/**
 * One partition of a catalog table, or of a Parquet or ORC file scan that does not give column batches
 * ({@link BatchTask} reads those that do), its columns already cast to text by Spark:
 * each cell's UTF-8 bytes go to the scanner's worker as they are (the value memo keys on them; only cells it must look
 * at are decoded). Input rows: the table's columns, then, when the source has them, {@code _metadata.file_path},
 * {@code file_block_start}, {@code file_block_length} and {@code file_size}, which order the rows as the table's
 * files do; without them the partition's index does.
 */
final class RowTask extends PartitionTask {

	private static final int ROWS_PER_STEP = 4096;

	private final Iterator<InternalRow> input;

	private final int width;

	private final boolean files;

	private final int partition;

	private final CellDecoder utf8 = new CellDecoder(StandardCharsets.UTF_8);

	private UTF8String file;

	private long start = -1;

	private long row;

	private byte[] copy = new byte[256];

	RowTask(SparkAdapter.Plan plan, HashKey key, boolean files, int partition, Iterator<InternalRow> input) {
		super(plan, key);
		this.input = input;
		this.width = plan.width();
		this.files = files;
		this.partition = partition;
		if (!files) {
			this.worker.segment(null, partition, true);
		}
	}

	@Override
	boolean step() {
		for (int n = 0; n < ROWS_PER_STEP; n++) {
			if (!this.input.hasNext()) {
				return false;
			}
			InternalRow r = this.input.next();
			if (this.files) {
				UTF8String f = r.getUTF8String(this.width);
				long s = r.getLong(this.width + 1);
				if (s != this.start || !f.equals(this.file)) {
					this.file = f.clone();
					this.start = s;
					this.worker.segment(f.toString(), s, s + r.getLong(this.width + 2) >= r.getLong(this.width + 3));
					this.row = 0;
				}
			}
			this.row++;
			if (r instanceof UnsafeRow u && u.getBaseObject() instanceof byte[] array) {
				// the cells' bytes where the row holds them, without a UTF8String per cell
				int base = (int) (u.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
				for (int c = 0; c < this.width; c++) {
					if (u.isNullAt(c)) {
						continue;
					}
					long offsetAndSize = u.getLong(c);
					int len = (int) offsetAndSize;
					if (len > 0) {
						int from = base + (int) (offsetAndSize >> 32);
						this.worker.cell(c, array, from, from + len, this.utf8);
					}
				}
				this.worker.endRow(this.row, "UTF-8");
				continue;
			}
			for (int c = 0; c < this.width; c++) {
				if (r.isNullAt(c)) {
					continue;
				}
				UTF8String v = r.getUTF8String(c);
				int len = v.numBytes();
				if (len == 0) {
					continue;
				}
				Object base = v.getBaseObject();
				if (base instanceof byte[] array) {
					int from = (int) (v.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
					this.worker.cell(c, array, from, from + len, this.utf8);
				}
				else {
					if (this.copy.length < len) {
						this.copy = new byte[Math.max(len, 2 * this.copy.length)];
					}
					v.writeToMemory(this.copy, Platform.BYTE_ARRAY_OFFSET);
					this.worker.cell(c, this.copy, 0, len, this.utf8);
				}
			}
			this.worker.endRow(this.row, "UTF-8");
		}
		return true;
	}

}
