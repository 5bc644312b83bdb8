package cn.outbound.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

/**
 * Every change to the database goes through here: one writer thread takes the waiting changes, runs them in one
 * transaction, appends their audit entries to the hash chain, and commits (group commit). A
 * caller returns only after the commit, so what it was told is stored is stored. The chain's head row is locked for
 * the transaction, so writers in other processes (the CLI) extend the same chain.
 */
public final class Writes implements AutoCloseable {

	/** The changes one transaction may group. */
	private static final int BATCH = 64;

	private final DataSource dataSource;

	private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>(10_000);

	private final Thread thread;

	private volatile boolean closed;

	public Writes(DataSource dataSource) {
		this.dataSource = dataSource;
		this.thread = new Thread(this::loop, "outbound-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** A change: it runs in the writer's transaction and may append audit entries. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection, Audit audit) throws SQLException;

	}

	/** What follows an {@link #insert}, in the same transaction, once the row's generated id is known. */
	@FunctionalInterface
	public interface AfterInsert {

		void run(Connection connection, Audit audit, long id) throws SQLException;

	}

	/** Appends to the audit log inside the current transaction. */
	public interface Audit {

		void append(String actor, String action, String target, String remote, String details) throws SQLException;

		/**
		 * A statement run at the end of the transaction, before its audit entries, sent with the others of the same
		 * SQL as one JDBC batch: what a write keeps up beside it (the zone's tallies) costs no round trip of its own.
		 * Deferred statements run in the order they were given.
		 */
		void atEnd(String sql, Object... parameters);

	}

	/**
	 * Runs a change and waits for its commit.
	 * @throws SQLException what the change threw (its savepoint was rolled back; the others in the batch commit)
	 */
	public <T> T submit(Work<T> work) throws SQLException {
		return submit(new Task<>(work, null));
	}

	/**
	 * Inserts one row and waits for its commit; returns its generated {@code id}. The inserts waiting together are
	 * sent to the database as one JDBC batch, which is what lets a busy server store many rows a second.
	 * @param sql an {@code insert} into a table whose key column is {@code id}
	 */
	public long insert(String sql, Object[] parameters, AfterInsert after) throws SQLException {
		return submit(new Task<Long>(null, new InsertRow(sql, parameters, after)));
	}

	private <T> T submit(Task<T> task) throws SQLException {
		if (this.closed) {
			throw new IllegalStateException("the writer is closed");
		}
		try {
			if (!this.queue.offer(task, 10, TimeUnit.SECONDS)) {
				throw new SQLException("the database writer is overloaded; try again");
			}
			return task.future.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while waiting for the commit", ex);
		}
		catch (TimeoutException ex) {
			throw new SQLException("the commit did not finish within 60 s", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof SQLException sql) {
				throw sql;
			}
			if (cause instanceof RuntimeException re) {
				throw re;
			}
			throw new SQLException(cause.getMessage(), cause);
		}
	}

	private record InsertRow(String sql, Object[] parameters, AfterInsert after) {
	}

	private void loop() {
		List<Task<?>> batch = new ArrayList<>(BATCH);
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Task<?> first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH - 1);
				run(batch);
			}
			catch (InterruptedException ex) {
				if (this.closed) {
					break;
				}
			}
			catch (RuntimeException | Error ex) {
				batch.forEach(t -> t.future.completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Runs a batch in one transaction. When a change fails, the transaction is rolled back and every change of the
	 * batch runs again in a transaction of its own, so that one bad change fails alone.
	 */
	private void run(List<Task<?>> batch) {
		if (batch.size() == 1) {
			runAlone(batch.get(0));
			return;
		}
		List<Object> results = new ArrayList<>(batch.size());
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			boolean failed = false;
			try {
				Chain chain = Chain.lock(c);
				Object[] out = new Object[batch.size()];
				insertAll(c, chain, batch, out);
				for (int i = 0; i < batch.size(); i++) {
					if (batch.get(i).work != null) {
						out[i] = batch.get(i).work.run(c, chain);
					}
				}
				results.addAll(java.util.Arrays.asList(out));
				chain.flush(c);
			}
			catch (SQLException | RuntimeException ex) {
				failed = true;
				c.rollback();
			}
			if (!failed) {
				c.commit();
				for (int i = 0; i < batch.size(); i++) {
					complete(batch.get(i), results.get(i), null);
				}
				return;
			}
		}
		catch (SQLException | RuntimeException ex) {
			// the commit itself failed (or no connection): its outcome is unknown, so nothing is retried
			batch.forEach(t -> t.future.completeExceptionally(ex));
			return;
		}
		for (Task<?> task : batch) {
			runAlone(task);
		}
	}

	/** Sends the batch's inserts, one JDBC batch per statement, then runs what follows each with its id. */
	private static void insertAll(Connection c, Chain chain, List<Task<?>> batch, Object[] out) throws SQLException {
		java.util.Map<String, List<Integer>> bySql = new java.util.LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			if (batch.get(i).insert != null) {
				bySql.computeIfAbsent(batch.get(i).insert.sql(), k -> new ArrayList<>()).add(i);
			}
		}
		for (java.util.Map.Entry<String, List<Integer>> e : bySql.entrySet()) {
			try (PreparedStatement ps = c.prepareStatement(e.getKey(), new String[] { "id" })) {
				for (int i : e.getValue()) {
					Object[] params = batch.get(i).insert.parameters();
					for (int p = 0; p < params.length; p++) {
						ps.setObject(p + 1, params[p]);
					}
					ps.addBatch();
				}
				ps.executeBatch();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					for (int i : e.getValue()) {
						if (!keys.next()) {
							throw new SQLException("the database returned fewer generated keys than rows inserted");
						}
						long id = keys.getLong(1);
						out[i] = id;
						batch.get(i).insert.after().run(c, chain, id);
					}
				}
			}
		}
	}

	private void runAlone(Task<?> task) {
		Object result;
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				Chain chain = Chain.lock(c);
				if (task.work != null) {
					result = task.work.run(c, chain);
				}
				else {
					Object[] out = new Object[1];
					insertAll(c, chain, List.of(task), out);
					result = out[0];
				}
				chain.flush(c);
				c.commit();
			}
			catch (SQLException | RuntimeException ex) {
				try {
					c.rollback();
				}
				catch (SQLException suppressed) {
					ex.addSuppressed(suppressed);
				}
				throw ex;
			}
		}
		catch (SQLException | RuntimeException ex) {
			task.future.completeExceptionally(ex);
			return;
		}
		complete(task, result, null);
	}

	@SuppressWarnings("unchecked")
	private static <T> void complete(Task<T> task, Object result, Throwable failure) {
		if (failure != null) {
			task.future.completeExceptionally(failure);
		}
		else {
			task.future.complete((T) result);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Task<T> {

		final Work<T> work;

		final InsertRow insert;

		final CompletableFuture<T> future = new CompletableFuture<>();

		Task(Work<T> work, InsertRow insert) {
			this.work = work;
			this.insert = insert;
		}

	}

	/** The chain's head, locked for the transaction, and the entries appended in it. */
	static final class Chain implements Audit {

		long seq;

		String hash;

		final long startSeq;

		final List<AuditEvent> pending = new ArrayList<>();

		/** The deferred statements, by SQL, in the order first given. */
		final java.util.Map<String, List<Object[]>> atEnd = new java.util.LinkedHashMap<>();

		private Chain(long seq, String hash) {
			this.seq = seq;
			this.hash = hash;
			this.startSeq = seq;
		}

		static Chain lock(Connection c) throws SQLException {
			try (PreparedStatement ps = c.prepareStatement("select seq, hash from audit_head where id = 1 for update");
					ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new SQLException("the audit log's head row is missing: the audit log has been tampered with");
				}
				return new Chain(rs.getLong(1), rs.getString(2));
			}
		}

		@Override
		public void append(String actor, String action, String target, String remote, String details) {
			long next = this.seq + 1;
			Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			String h = hash(AuditEvent.canonical(this.hash, next, at, actor, action, clip(target, 200),
					clip(remote, 100), clip(details, 2000)));
			this.pending.add(new AuditEvent(next, at, actor, action, clip(target, 200), clip(remote, 100),
					clip(details, 2000), this.hash, h));
			this.seq = next;
			this.hash = h;
		}

		@Override
		public void atEnd(String sql, Object... parameters) {
			this.atEnd.computeIfAbsent(sql, k -> new ArrayList<>()).add(parameters.clone());
		}

		void flush(Connection c) throws SQLException {
			for (java.util.Map.Entry<String, List<Object[]>> e : this.atEnd.entrySet()) {
				try (PreparedStatement ps = c.prepareStatement(e.getKey())) {
					for (Object[] parameters : e.getValue()) {
						for (int p = 0; p < parameters.length; p++) {
							ps.setObject(p + 1, parameters[p]);
						}
						ps.addBatch();
					}
					ps.executeBatch();
				}
			}
			this.atEnd.clear();
			if (this.pending.isEmpty()) {
				return;
			}
			try (PreparedStatement ps = c.prepareStatement("insert into audit_event (seq, at, actor, action, target, remote,"
					+ " details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (AuditEvent e : this.pending) {
					ps.setLong(1, e.seq());
					ps.setTimestamp(2, Timestamp.from(e.at()));
					ps.setString(3, e.actor());
					ps.setString(4, e.action());
					ps.setString(5, e.target());
					ps.setString(6, e.remote());
					ps.setString(7, e.details());
					ps.setString(8, e.prevHash());
					ps.setString(9, e.hash());
					ps.addBatch();
				}
				ps.executeBatch();
			}
			try (PreparedStatement ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
				ps.setLong(1, this.seq);
				ps.setString(2, this.hash);
				ps.executeUpdate();
			}
		}

	}

	static String clip(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	static String hash(String canonical) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
