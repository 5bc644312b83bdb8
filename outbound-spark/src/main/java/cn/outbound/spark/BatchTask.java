package cn.outbound.spark;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.vectorized.Dictionary;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import cn.outbound.scan.SparkAdapter;
import cn.outbound.tables.CellDecoder;
import scala.Function1;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractPartialFunction;

/**
 * One partition of a Parquet or ORC file scan taken from the reader's column batches, not from its rows: the same
 * cells, in the same order, as {@link RowTask} gets from the rows of the same scan, without making a string of
 * every value. A string column's cells go to the scanner's worker from the batch's own bytes; a dictionary-encoded
 * one's from the bytes of its dictionary entry, decoded once per column chunk (Spark's row view copies the entry for
 * every cell). The columns Spark casts to text (numbers, dates, nested values) and the file metadata that orders the
 * rows are computed per row by the very expressions of the row path (its projection), so their text is Spark's.
 */
final class BatchTask extends PartitionTask {

	/** Entries of a column chunk's dictionary kept decoded (beyond them, decoded per cell). */
	static final int DICTIONARY_ENTRIES = 1 << 20;

	/** Bytes of a column chunk's dictionary entries kept decoded (beyond them, decoded per cell). */
	static final int DICTIONARY_BYTES = 32 << 20;

	/**
	 * Rows whose dictionary entries are fetched ahead, column by column, before the rows go to the worker: the
	 * entries are scattered in memory, and fetched in a tight loop the processor overlaps the waits.
	 */
	static final int FETCH_AHEAD = 256;

	/**
	 * Entries of a column chunk's dictionary whose verdict (what the scanner's worker said of the entry's bytes) is
	 * kept: a cell of such an entry is counted from it without its bytes once its value can no longer become a sample.
	 * 16 bytes each: 1 MB per column at most.
	 */
	static final int VERDICTS = 1 << 16;

	/**
	 * Where a scan's rows come from in its batches: per table column, the batch's column holding it as a string
	 * ({@code direct}), or its slot in the computed cells; then the file metadata's four slots.
	 */
	record Layout(int[] direct, int[] computedSlot, int metadataSlot, List<Expression> computed,
			List<Attribute> input) implements Serializable {
	}

	/** The scan's batches and how to read them, or null when the scan does not give batches. */
	record Columnar(JavaRDD<ColumnarBatch> batches, Layout layout) {
	}

	private final Iterator<ColumnarBatch> input;

	private final int width;

	private final int[] direct;

	private final int[] computedSlot;

	private final int metadataSlot;

	private final UnsafeProjection projection;

	private final StringColumn[] columns;

	private final CellDecoder utf8 = new CellDecoder(StandardCharsets.UTF_8);

	private UTF8String file;

	private long start = -1;

	private long row;

	BatchTask(SparkAdapter.Plan plan, HashKey key, Layout layout, int partition, Iterator<ColumnarBatch> input) {
		super(plan, key);
		this.input = input;
		this.width = plan.width();
		this.direct = layout.direct();
		this.computedSlot = layout.computedSlot();
		this.metadataSlot = layout.metadataSlot();
		this.projection = UnsafeProjection.create(CollectionConverters.asScala(layout.computed()).toList(),
				CollectionConverters.asScala(layout.input()).toList());
		this.projection.initialize(partition);
		this.columns = new StringColumn[this.width];
		for (int c = 0; c < this.width; c++) {
			if (this.direct[c] >= 0) {
				this.columns[c] = new StringColumn();
			}
		}
	}

	/**
	 * The batches of {@code rowsDf}'s scan, when its plan is the table's columns (and the file metadata) projected
	 * from a file scan that reads column batches; otherwise null (the rows' path then reads it).
	 * @param rowsDf the row path's frame: the table's columns as text, then {@code _metadata.file_path},
	 * {@code file_block_start}, {@code file_block_length} and {@code file_size}
	 */
	static Columnar of(Dataset<Row> rowsDf, int width) {
		SparkPlan top = strip(rowsDf.queryExecution().executedPlan());
		if (!(top instanceof ProjectExec project)) {
			return null;
		}
		List<Expression> projected = new ArrayList<>();
		for (NamedExpression e : CollectionConverters.asJava(project.projectList())) {
			projected.add((Expression) e);
		}
		SparkPlan below = strip(project.child());
		// projections under it (Spark's own, for the file metadata): their expressions put in place of their names
		while (below instanceof ProjectExec inner) {
			Map<ExprId, Expression> defined = new HashMap<>();
			for (NamedExpression e : CollectionConverters.asJava(inner.projectList())) {
				Expression x = (Expression) e;
				defined.put(e.exprId(), (x instanceof Alias a) ? a.child() : x);
			}
			projected.replaceAll(e -> substitute(e, defined));
			below = strip(inner.child());
		}
		if (!(below instanceof ColumnarToRowExec toRows)) {
			return null;
		}
		SparkPlan leaf = strip(toRows.child());
		if (!(leaf instanceof FileSourceScanExec scan) || !scan.supportsColumnar()) {
			return null;
		}
		List<Attribute> output = CollectionConverters.asJava(scan.output());
		if (projected.size() != width + 4) {
			return null;
		}
		int[] direct = new int[width];
		int[] slot = new int[width];
		List<Expression> computed = new ArrayList<>();
		for (int c = 0; c < width; c++) {
			Expression e = projected.get(c);
			while (e instanceof Alias a) {
				e = a.child();
			}
			direct[c] = -1;
			slot[c] = -1;
			if (e instanceof AttributeReference a && a.dataType() instanceof StringType) {
				for (int i = 0; i < output.size(); i++) {
					if (output.get(i).exprId().equals(a.exprId())) {
						direct[c] = i;
					}
				}
			}
			if (direct[c] < 0) {
				slot[c] = computed.size();
				computed.add(projected.get(c));
			}
		}
		int metadata = computed.size();
		for (int k = 0; k < 4; k++) {
			computed.add(projected.get(width + k));
		}
		return new Columnar(scan.executeColumnar().toJavaRDD(),
				new Layout(direct, slot, metadata, List.copyOf(computed), List.copyOf(output)));
	}

	/** {@code e} with each attribute {@code defined} replaced by its definition. */
	private static Expression substitute(Expression e, Map<ExprId, Expression> defined) {
		return e.transformUp(new AbstractPartialFunction<Expression, Expression>() {

			@Override
			public boolean isDefinedAt(Expression x) {
				return x instanceof AttributeReference a && defined.containsKey(a.exprId());
			}

			@Override
			public <A1 extends Expression, B1> B1 applyOrElse(A1 x, Function1<A1, B1> otherwise) {
				if (isDefinedAt(x)) {
					@SuppressWarnings("unchecked")
					B1 b = (B1) defined.get(((AttributeReference) x).exprId());
					return b;
				}
				return otherwise.apply(x);
			}

		});
	}

	private static SparkPlan strip(SparkPlan p) {
		while (true) {
			if (p instanceof AdaptiveSparkPlanExec a) {
				p = a.executedPlan();
			}
			else if (p instanceof WholeStageCodegenExec w) {
				p = w.child();
			}
			else if (p instanceof InputAdapter i) {
				p = i.child();
			}
			else {
				return p;
			}
		}
	}

	@Override
	boolean step() {
		if (!this.input.hasNext()) {
			return false;
		}
		ColumnarBatch batch = this.input.next();
		for (int c = 0; c < this.width; c++) {
			if (this.direct[c] >= 0) {
				this.columns[c].prepare(batch.column(this.direct[c]));
			}
		}
		int rows = batch.numRows();
		int m = this.metadataSlot;
		for (int r = 0; r < rows; r++) {
			if (r % FETCH_AHEAD == 0) {
				for (int c = 0; c < this.width; c++) {
					if (this.direct[c] >= 0) {
						this.columns[c].fetch(r, Math.min(rows, r + FETCH_AHEAD));
					}
				}
			}
			UnsafeRow computed = this.projection.apply(batch.getRow(r));
			UTF8String f = computed.getUTF8String(m);
			long s = computed.getLong(m + 1);
			if (s != this.start || !f.equals(this.file)) {
				this.file = f.clone();
				this.start = s;
				this.worker.segment(f.toString(), s, s + computed.getLong(m + 2) >= computed.getLong(m + 3));
				this.row = 0;
			}
			this.row++;
			for (int c = 0; c < this.width; c++) {
				if (this.direct[c] >= 0) {
					this.columns[c].cell(this.worker, c, r, this.utf8);
				}
				else {
					computedCell(computed, c);
				}
			}
			this.worker.endRow(this.row, "UTF-8");
		}
		return true;
	}

	private void computedCell(UnsafeRow u, int c) {
		int i = this.computedSlot[c];
		if (u.isNullAt(i)) {
			return;
		}
		long offsetAndSize = u.getLong(i);
		int len = (int) offsetAndSize;
		if (len > 0) {
			// the projection's rows are held in a byte array
			byte[] array = (byte[]) u.getBaseObject();
			int from = (int) (u.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET + (offsetAndSize >> 32));
			this.worker.cell(c, array, from, from + len, this.utf8);
		}
	}

	/** A string column of the current batch, read where its bytes are. */
	private static final class StringColumn {

		private ColumnVector vector;

		/** The dictionary's ids, when the column is dictionary-encoded in this batch. */
		private WritableColumnVector ids;

		private Dictionary dictionary;

		/**
		 * The column chunk's dictionary (the same over its batches), and its entries decoded so far, one after the
		 * other in {@code arena}: per id, its offset there (high half) and length + 1 (low half), 0 if not decoded.
		 */
		private Object chunk;

		private long[] where = new long[0];

		private byte[] arena = new byte[4096];

		private int used;

		/** Whether the arena took all it may: entries not in it are decoded per cell. */
		private boolean full;

		/** Per id below {@link #VERDICTS}: the worker's verdict on the entry (0 while none) and what it wants. */
		private long[] verdicts = new long[0];

		private long[] verdictWants = new long[0];

		/** Read from the entries fetched ahead (so that the fetch is not dropped as useless). */
		private int touched;

		/** The values' bytes and the vector giving offsets and lengths into them, when plain in memory. */
		private byte[] data;

		private WritableColumnVector offsets;

		private byte[] copy = new byte[256];

		void prepare(ColumnVector v) {
			this.vector = v;
			this.ids = null;
			this.dictionary = null;
			this.data = null;
			this.offsets = null;
			if (v instanceof WritableColumnVector w) {
				if (w.hasDictionary()) {
					Dictionary d = (Dictionary) Internals.get(Internals.DICTIONARY, w);
					if (d != null) {
						Object c = Internals.get(Internals.PARQUET_DICTIONARY, d);
						c = (c != null) ? c : d;
						if (c != this.chunk) {
							this.chunk = c;
							Arrays.fill(this.where, 0L);
							Arrays.fill(this.verdicts, 0L);
							this.used = 0;
							this.full = false;
						}
						this.dictionary = d;
						this.ids = w.getDictionaryIds();
					}
				}
				else if (w instanceof OnHeapColumnVector) {
					WritableColumnVector child = w.arrayData();
					if (child instanceof OnHeapColumnVector) {
						this.data = (byte[]) Internals.get(Internals.BYTE_DATA, child);
						this.offsets = (this.data != null) ? w : null;
					}
				}
			}
		}

		void cell(SparkAdapter.Worker worker, int c, int r, CellDecoder utf8) {
			ColumnVector v = this.vector;
			if (v.isNullAt(r)) {
				return;
			}
			if (this.ids != null) {
				int id = this.ids.getDictId(r);
				// the entry's verdict, once its value can no longer be a sample: neither its bytes nor the memo read
				if (id < this.verdicts.length && this.verdicts[id] != 0
						&& worker.remembered(c, this.verdicts[id], this.verdictWants[id])) {
					return;
				}
				long w = (id < this.where.length) ? this.where[id] : 0;
				if (w == 0) {
					w = decode(id);
					if (w < 0) {
						byte[] b = this.dictionary.decodeToBinary(id);
						if (b.length > 0) {
							worker.cell(c, b, 0, b.length, utf8);
							keep(worker, c, id);
						}
						return;
					}
				}
				int len = (int) w - 1;
				if (len > 0) {
					int from = (int) (w >>> 32);
					worker.cell(c, this.arena, from, from + len, utf8);
					keep(worker, c, id);
				}
				return;
			}
			if (this.offsets != null) {
				int len = this.offsets.getArrayLength(r);
				if (len > 0) {
					int from = this.offsets.getArrayOffset(r);
					worker.cell(c, this.data, from, from + len, utf8);
				}
				return;
			}
			UTF8String s = v.getUTF8String(r);
			int len = s.numBytes();
			if (len == 0) {
				return;
			}
			if (s.getBaseObject() instanceof byte[] array) {
				int from = (int) (s.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET);
				worker.cell(c, array, from, from + len, utf8);
			}
			else {
				if (this.copy.length < len) {
					this.copy = new byte[Math.max(len, 2 * this.copy.length)];
				}
				s.writeToMemory(this.copy, Platform.BYTE_ARRAY_OFFSET);
				worker.cell(c, this.copy, 0, len, utf8);
			}
		}

		/** Keeps the worker's verdict on entry {@code id}, just given to it (ids from {@link #VERDICTS} on are not kept). */
		private void keep(SparkAdapter.Worker worker, int c, int id) {
			long v = worker.verdict(c);
			if (v == 0 || id >= VERDICTS) {
				return;
			}
			if (id >= this.verdicts.length) {
				int n = Math.min(VERDICTS, Math.max(id + 1, Math.max(256, 2 * this.verdicts.length)));
				this.verdicts = Arrays.copyOf(this.verdicts, n);
				this.verdictWants = Arrays.copyOf(this.verdictWants, n);
			}
			this.verdicts[id] = v;
			this.verdictWants[id] = worker.verdictWants();
		}

		/**
		 * Fetches the entries of rows {@code [from, to)} into the cache (decoding those not yet decoded), but for
		 * entries with a verdict.
		 */
		void fetch(int from, int to) {
			if (this.ids == null) {
				return;
			}
			int t = 0;
			for (int r = from; r < to; r++) {
				if (!this.vector.isNullAt(r)) {
					int id = this.ids.getDictId(r);
					if (id < this.verdicts.length && this.verdicts[id] != 0) {
						continue;
					}
					long w = (id < this.where.length) ? this.where[id] : 0;
					if (w == 0) {
						w = decode(id);
					}
					if (w > 1) {
						t += this.arena[(int) (w >>> 32)];
					}
				}
			}
			this.touched += t;
		}

		/** Decodes entry {@code id} into the arena: its place there, or -1 when the arena is full. */
		private long decode(int id) {
			if (id >= DICTIONARY_ENTRIES || this.full) {
				return -1;
			}
			byte[] b = this.dictionary.decodeToBinary(id);
			if (this.used + b.length > DICTIONARY_BYTES) {
				this.full = true;
				return -1;
			}
			if (id >= this.where.length) {
				this.where = Arrays.copyOf(this.where, Math.min(DICTIONARY_ENTRIES, Math.max(id + 1, 2 * this.where.length)));
			}
			if (this.used + b.length > this.arena.length) {
				this.arena = Arrays.copyOf(this.arena,
						(int) Math.min(DICTIONARY_BYTES, Math.max(this.used + b.length, 2L * this.arena.length)));
			}
			System.arraycopy(b, 0, this.arena, this.used, b.length);
			long w = ((long) this.used << 32) | (b.length + 1L);
			this.used += b.length;
			this.where[id] = w;
			return w;
		}

	}

	/**
	 * Fields Spark keeps to itself: a vector's dictionary, the column chunk's dictionary behind Spark's wrapper of
	 * it, a vector's bytes. Each is null when it cannot be read (another Spark): the batch is then read through the
	 * vectors' public getters.
	 */
	private static final class Internals {

		static final Field DICTIONARY = field(WritableColumnVector.class.getName(), "dictionary");

		static final Field PARQUET_DICTIONARY = field(
				"org.apache.spark.sql.execution.datasources.parquet.ParquetDictionary", "dictionary");

		static final Field BYTE_DATA = field(OnHeapColumnVector.class.getName(), "byteData");

		private static Field field(String type, String name) {
			try {
				Field f = Class.forName(type).getDeclaredField(name);
				f.setAccessible(true);
				return f;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

		static Object get(Field f, Object o) {
			if (f == null || !f.getDeclaringClass().isInstance(o)) {
				return null;
			}
			try {
				return f.get(o);
			}
			catch (IllegalAccessException ex) {
				return null;
			}
		}

	}

}
