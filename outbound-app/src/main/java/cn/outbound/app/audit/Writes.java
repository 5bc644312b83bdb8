package cn.outbound.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * Every change to the database goes through here: one writer thread takes the waiting changes, runs each in its own
 * savepoint inside one transaction, appends their audit entries to the hash chain, and commits (group commit). A
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

	/** Appends to the audit log inside the current transaction. */
	public interface Audit {

		void append(String actor, String action, String target, String remote, String details) throws SQLException;

	}

	/**
	 * Runs a change and waits for its commit.
	 * @throws SQLException what the change threw (its savepoint was rolled back; the others in the batch commit)
	 */
	public <T> T submit(Work<T> work) throws SQLException {
		if (this.closed) {
			throw new IllegalStateException("the writer is closed");
		}
		Task<T> task = new Task<>(work);
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

	private void run(List<Task<?>> batch) {
		List<Object> results = new ArrayList<>(batch.size());
		List<Throwable> failures = new ArrayList<>(batch.size());
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				Chain chain = Chain.lock(c);
				for (Task<?> task : batch) {
					Savepoint savepoint = c.setSavepoint();
					long seq = chain.seq;
					String hash = chain.hash;
					int pending = chain.pending.size();
					try {
						results.add(task.work.run(c, chain));
						failures.add(null);
						c.releaseSavepoint(savepoint);
					}
					catch (SQLException | RuntimeException ex) {
						c.rollback(savepoint);
						chain.seq = seq;
						chain.hash = hash;
						chain.pending.subList(pending, chain.pending.size()).clear();
						results.add(null);
						failures.add(ex);
					}
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
			batch.forEach(t -> t.future.completeExceptionally(ex));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			complete(batch.get(i), results.get(i), failures.get(i));
		}
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

		final CompletableFuture<T> future = new CompletableFuture<>();

		Task(Work<T> work) {
			this.work = work;
		}

	}

	/** The chain's head, locked for the transaction, and the entries appended in it. */
	static final class Chain implements Audit {

		long seq;

		String hash;

		final long startSeq;

		final List<AuditEvent> pending = new ArrayList<>();

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

		void flush(Connection c) throws SQLException {
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
