package cn.outbound.ledger.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.outbound.ledger.db.LedgerException;
import cn.outbound.ledger.db.Dialect;

/**
 * The person directory: keyed hash to dense person id, stored as sorted blocks per hash bucket
 * ({@code ledger_person_block}). Resolving a sorted stream of hashes reads the blocks of the buckets it touches,
 * merges, hands out ids to new persons in hash order and appends one block of new persons per bucket (their ids are
 * consecutive, so only the first is stored). The database does work in proportion to bytes, not rows: 32 bytes per
 * new person, at most one row per bucket and ingest.
 *
 * <p>
 * Writing methods must run in the caller's transaction while it holds the ledger lock.
 */
public final class PersonDirectory {

	/** Bits of the hash that pick the bucket. */
	public static final int BUCKET_BITS = 16;

	/** A bucket with more blocks than this after an ingest is merged into one block. */
	static final int MAX_BLOCKS = 8;

	/** Largest person id: ids are unsigned 32-bit (RoaringBitmap). */
	public static final long MAX_ID = 0xFFFF_FFFFL;

	private static final int H = PersonHasher.HASH_BYTES;

	private final Dialect dialect;

	public PersonDirectory(Dialect dialect) {
		this.dialect = dialect;
	}

	/** Receives every distinct incoming hash's person. */
	@FunctionalInterface
	public interface Sink {

		/**
		 * @param id the person id (unsigned 32-bit in a long), or -1 when unknown and not created
		 * @param parts which of the event's parts hold the person
		 * @param created whether the person was new to the ledger
		 */
		void person(long id, int parts, boolean created);

	}

	/** The outcome of a resolve: persons seen, persons created, the next free id. */
	public record Resolved(long persons, long created, long nextId) {
	}

	public static int bucket(byte[] hash, int offset) {
		return ((hash[offset] & 0xFF) << 8) | (hash[offset + 1] & 0xFF);
	}

	/**
	 * Resolves every hash of {@code windows} to a person. The stored blocks of the coming windows are read ahead on
	 * a second connection ({@code reader}) while this thread looks up and writes on {@code c}: with the ledger lock
	 * held no one else changes blocks, and this transaction only writes the buckets it has already read.
	 * @param reader a connection for reading ahead (closed here), or null to read on {@code c}
	 * @param create whether to add unknown persons (requires the ledger lock); if false, nothing is written
	 * @param nextId the first id to hand out
	 */
	public Resolved resolve(Connection c, Connection reader, Windows windows, boolean create, long nextId, Sink sink)
			throws SQLException {
		long persons = 0;
		long created = 0;
		long next = nextId;
		try (ReadAhead ahead = new ReadAhead((reader != null) ? reader : c, reader != null, windows);
				BlockWriter writer = create ? new BlockWriter(c) : null) {
			ReadAhead.Item item;
			while ((item = ahead.next()) != null) {
				Windows.Window w = item.window;
				List<Block> blocks = item.blocks;
				int bi = 0;
				int i = 0;
				byte[] hashes = w.hashes();
				while (i < w.size()) {
					int b = bucket(hashes, i * H);
					int j = i;
					while (j < w.size() && bucket(hashes, j * H) == b) {
						j++;
					}
					List<Block> mine = new ArrayList<>(2);
					while (bi < blocks.size() && blocks.get(bi).bucket < b) {
						bi++;
					}
					while (bi < blocks.size() && blocks.get(bi).bucket == b) {
						mine.add(blocks.get(bi++));
					}
					int[] cursors = new int[mine.size()];
					int newCount = 0;
					int[] newIndex = null;
					for (int k = i; k < j; k++) {
						long found = -1;
						for (int m = 0; m < mine.size() && found < 0; m++) {
							Block bl = mine.get(m);
							int p = cursors[m];
							int cmp = -1;
							while (p < bl.persons && (cmp = HashSpill.compare(bl.hashes, p * H, hashes, k * H)) < 0) {
								p++;
							}
							cursors[m] = p;
							if (p < bl.persons && cmp == 0) {
								found = bl.id(p);
							}
						}
						if (found >= 0) {
							sink.person(found, w.parts(k), false);
						}
						else if (create) {
							if (next > MAX_ID) {
								throw new LedgerException("the ledger is full: more than 4,294,967,296 persons");
							}
							if (newIndex == null) {
								newIndex = new int[j - k];
							}
							newIndex[newCount++] = k;
							sink.person(next, w.parts(k), true);
							next++;
						}
						else {
							sink.person(-1, w.parts(k), false);
						}
						persons++;
					}
					if (newCount > 0) {
						created += newCount;
						Block fresh = Block.of(b, hashes, newIndex, newCount, next - newCount);
						if (mine.size() + 1 > MAX_BLOCKS) {
							mine.add(fresh);
							writer.insert(Block.merge(b, mine));
							for (Block old : mine) {
								if (old.rowId > 0) {
									writer.delete(old.rowId);
								}
							}
						}
						else {
							writer.insert(fresh);
						}
					}
					i = j;
				}
				windows.release(w);
			}
		}
		return new Resolved(persons, created, next);
	}

	/**
	 * Windows with their stored blocks: read on a background thread from a second connection, or inline when there
	 * is none.
	 */
	private final class ReadAhead implements AutoCloseable {

		record Item(Windows.Window window, List<Block> blocks) {
		}

		private static final Item END = new Item(null, null);

		private final Connection connection;

		private final Windows windows;

		private final java.util.concurrent.BlockingQueue<Item> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);

		private final Thread thread;

		private volatile Throwable failure;

		private volatile boolean closed;

		private boolean ended;

		ReadAhead(Connection connection, boolean background, Windows windows) {
			this.connection = connection;
			this.windows = windows;
			if (background) {
				this.thread = new Thread(this::run, "ledger-read-ahead");
				this.thread.setDaemon(true);
				this.thread.start();
			}
			else {
				this.thread = null;
			}
		}

		private void run() {
			try {
				Windows.Window w;
				while (!this.closed && (w = this.windows.next()) != null) {
					this.queue.put(new Item(w, readBlocks(this.connection, w)));
				}
				this.queue.put(END);
			}
			catch (InterruptedException ex) {
				// closed
			}
			catch (Throwable ex) {
				this.failure = ex;
			}
		}

		Item next() throws SQLException {
			if (this.ended) {
				return null;
			}
			if (this.thread == null) {
				Windows.Window w = this.windows.next();
				if (w == null) {
					this.ended = true;
					return null;
				}
				return new Item(w, readBlocks(this.connection, w));
			}
			try {
				while (true) {
					Item item = this.queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
					if (item == END) {
						this.ended = true;
						return null;
					}
					if (item != null) {
						return item;
					}
					if (this.failure != null) {
						if (this.failure instanceof SQLException sql) {
							throw sql;
						}
						throw (this.failure instanceof RuntimeException re) ? re
								: new LedgerException("reading the person directory failed", this.failure);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LedgerException("interrupted", ex);
			}
		}

		@Override
		public void close() throws SQLException {
			if (this.thread == null) {
				return;
			}
			this.closed = true;
			this.thread.interrupt();
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try {
				this.connection.rollback();
			}
			finally {
				this.connection.close();
			}
		}

	}

	/** The blocks of the buckets in the window, ordered by bucket. */
	private List<Block> readBlocks(Connection c, Windows.Window w) throws SQLException {
		if (w.size() == 0) {
			return List.of();
		}
		int lo = bucket(w.hashes(), 0);
		int hi = bucket(w.hashes(), (w.size() - 1) * H);
		int[] distinct = distinctBuckets(w);
		List<Block> blocks = new ArrayList<>();
		boolean range = distinct.length * 4 >= (hi - lo + 1) || distinct.length > 4096;
		String sql = range
				? "select id, bucket, persons, first_id, hashes, ids from ledger_person_block where bucket >= ? and bucket <= ? order by bucket, id"
				: "select id, bucket, persons, first_id, hashes, ids from ledger_person_block where bucket = any(?) order by bucket, id";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			binary(ps);
			if (range) {
				ps.setInt(1, lo);
				ps.setInt(2, hi);
			}
			else {
				Integer[] boxed = Arrays.stream(distinct).boxed().toArray(Integer[]::new);
				Array array = c.createArrayOf("integer", boxed);
				ps.setArray(1, array);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Block b = new Block(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getBytes(5),
							rs.getBytes(6));
					if (b.hashes.length != b.persons * H || (b.ids.length != 0 && b.ids.length != b.persons * 4)) {
						throw new LedgerException("person block " + b.rowId + " is damaged (sizes do not match)");
					}
					blocks.add(b);
				}
			}
		}
		return blocks;
	}

	/** Asks pgjdbc for binary results from the first execution (bytea as bytes, not hex text). */
	private void binary(PreparedStatement ps) throws SQLException {
		if (this.dialect == Dialect.POSTGRESQL && ps.isWrapperFor(org.postgresql.PGStatement.class)) {
			ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
		}
	}

	private static int[] distinctBuckets(Windows.Window w) {
		int[] out = new int[Math.min(w.size(), 1 << BUCKET_BITS)];
		int n = 0;
		int last = -1;
		for (int i = 0; i < w.size(); i++) {
			int b = bucket(w.hashes(), i * H);
			if (b != last) {
				out[n++] = b;
				last = b;
			}
		}
		return Arrays.copyOf(out, n);
	}

	/** One stored block: sorted hashes and their ids. */
	static final class Block {

		final long rowId;

		final int bucket;

		final int persons;

		final long firstId;

		final byte[] hashes;

		/** Empty: the ids are firstId, firstId + 1, ... */
		final byte[] ids;

		Block(long rowId, int bucket, int persons, long firstId, byte[] hashes, byte[] ids) {
			this.rowId = rowId;
			this.bucket = bucket;
			this.persons = persons;
			this.firstId = firstId;
			this.hashes = hashes;
			this.ids = ids;
		}

		long id(int p) {
			if (this.ids.length == 0) {
				return this.firstId + p;
			}
			int o = p * 4;
			return ((this.ids[o] & 0xFFL) << 24) | ((this.ids[o + 1] & 0xFFL) << 16) | ((this.ids[o + 2] & 0xFFL) << 8)
					| (this.ids[o + 3] & 0xFFL);
		}

		static void putId(byte[] ids, int p, long id) {
			int o = p * 4;
			ids[o] = (byte) (id >>> 24);
			ids[o + 1] = (byte) (id >>> 16);
			ids[o + 2] = (byte) (id >>> 8);
			ids[o + 3] = (byte) id;
		}

		/** New persons: hashes at {@code index[0..n)} of {@code src}, ids from {@code firstId} in that order. */
		static Block of(int bucket, byte[] src, int[] index, int n, long firstId) {
			byte[] hashes = new byte[n * H];
			for (int i = 0; i < n; i++) {
				System.arraycopy(src, index[i] * H, hashes, i * H, H);
			}
			return new Block(0, bucket, n, firstId, hashes, new byte[0]);
		}

		/** One block holding every person of {@code blocks}, sorted by hash. */
		static Block merge(int bucket, List<Block> blocks) {
			int total = 0;
			for (Block b : blocks) {
				total += b.persons;
			}
			byte[] hashes = new byte[total * H];
			byte[] ids = new byte[total * 4];
			int[] pos = new int[blocks.size()];
			for (int out = 0; out < total; out++) {
				int min = -1;
				for (int k = 0; k < blocks.size(); k++) {
					Block b = blocks.get(k);
					if (pos[k] < b.persons && (min < 0
							|| HashSpill.compare(b.hashes, pos[k] * H, blocks.get(min).hashes, pos[min] * H) < 0)) {
						min = k;
					}
				}
				Block b = blocks.get(min);
				System.arraycopy(b.hashes, pos[min] * H, hashes, out * H, H);
				putId(ids, out, b.id(pos[min]));
				pos[min]++;
			}
			return new Block(0, bucket, total, 0, hashes, ids);
		}

	}

	/** Batched inserts of new blocks and deletes of merged ones. */
	private static final class BlockWriter implements AutoCloseable {

		private static final int FLUSH_BYTES = 8 << 20;

		private final PreparedStatement insert;

		private final PreparedStatement delete;

		private int pendingInserts;

		private long pendingBytes;

		private int pendingDeletes;

		BlockWriter(Connection c) throws SQLException {
			this.insert = c.prepareStatement(
					"insert into ledger_person_block (bucket, persons, first_id, hashes, ids) values (?, ?, ?, ?, ?)");
			this.delete = c.prepareStatement("delete from ledger_person_block where id = ?");
		}

		void insert(Block b) throws SQLException {
			this.insert.setInt(1, b.bucket);
			this.insert.setInt(2, b.persons);
			this.insert.setLong(3, b.firstId);
			this.insert.setBytes(4, b.hashes);
			this.insert.setBytes(5, b.ids);
			this.insert.addBatch();
			this.pendingInserts++;
			this.pendingBytes += b.hashes.length + b.ids.length;
			if (this.pendingInserts >= 1024 || this.pendingBytes >= FLUSH_BYTES) {
				flush();
			}
		}

		void delete(long rowId) throws SQLException {
			this.delete.setLong(1, rowId);
			this.delete.addBatch();
			this.pendingDeletes++;
		}

		void flush() throws SQLException {
			if (this.pendingInserts > 0) {
				this.insert.executeBatch();
				this.pendingInserts = 0;
				this.pendingBytes = 0;
			}
			if (this.pendingDeletes > 0) {
				this.delete.executeBatch();
				this.pendingDeletes = 0;
			}
		}

		@Override
		public void close() throws SQLException {
			try {
				flush();
			}
			finally {
				this.insert.close();
				this.delete.close();
			}
		}

	}

}
