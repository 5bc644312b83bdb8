package cn.outbound.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.outbound.tables.Cells;
import cn.outbound.tables.DelimitedBlockReader;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableProblem;

/**
 * One run of a {@link Scanner} over a source: the rows in blocks ({@link RowBatch}), worked on by the reading thread
 * until the identifier columns are chosen ({@link ColumnChoice}, after the first {@value ColumnChoice#DECIDE_AFTER}
 * rows), then by the worker threads ({@link RowWorker}); the blocks' samples and problems added in block order, and at
 * the end every thread's counts and persons added up. The result is the same whatever the number of threads.
 */
final class ScanRun implements RowSink {

	final ScanSettings settings;

	final int threads;

	final boolean remember;

	final boolean retainIdentifiers;

	final IdentifierListener listener;

	/** The table's columns: samples added block by block, counts added at the end. */
	ColumnProfile[] profiles;

	/** Works on the first rows (on the reading thread). */
	private RowWorker main;

	long rows;

	/** Every thread's persons, merged at the end. */
	PersonCounter persons;

	long rowsWithoutId;

	/** Chosen after the first {@link ColumnChoice#DECIDE_AFTER} rows; null until then. */
	volatile ColumnChoice.Choice choice;

	final List<String> warnings = new ArrayList<>();

	/** Rows seen before the identifier columns were chosen, kept to be counted then. */
	private final List<String[]> kept = new ArrayList<>();

	private final long[] keptMasks = new long[ColumnChoice.DECIDE_AFTER];

	private List<String> names;

	/** Delimited text read as bytes, or null when rows come through {@link #row}. */
	DelimitedBlockReader blockReader;

	private RowBatch.Chars current;

	private long batches;

	private int created;

	private BlockingQueue<RowBatch> full;

	private BlockingQueue<RowBatch> free;

	private final List<Thread> workerThreads = new ArrayList<>();

	private final List<RowWorker> workers = new ArrayList<>();

	private volatile Throwable failure;

	/** Samples and problems of blocks done out of order, until the blocks before them are done. */
	private final Map<Long, Done> waiting = new HashMap<>();

	private long nextToAdd;

	private final RowBatch poison = new RowBatch.Chars(0);

	ScanRun(ScanSettings settings, int threads, boolean remember, boolean retainIdentifiers,
			IdentifierListener listener) {
		this.settings = settings;
		this.threads = threads;
		this.remember = remember;
		this.retainIdentifiers = retainIdentifiers;
		this.listener = listener;
	}

	/** Reads delimited text as blocks of bytes. */
	void read(DelimitedBlockReader reader) {
		this.blockReader = reader;
		header(reader.header());
		while (true) {
			RowBatch.Bytes batch = (RowBatch.Bytes) takeFree();
			if (!reader.next(batch.block)) {
				this.free.offer(batch);
				return;
			}
			batch.index = batch.block.index();
			batch.rows = batch.block.rows();
			this.rows += batch.rows;
			dispatch(batch);
		}
	}

	@Override
	public void header(List<String> names) {
		this.names = List.copyOf(names);
		this.profiles = new ColumnProfile[names.size()];
		for (int i = 0; i < names.size(); i++) {
			this.profiles[i] = new ColumnProfile(names.get(i), i, this.settings.confirmSample());
		}
		ColumnChoice.checkGiven(this.settings, names);
		// blocks: one per worker, as many queued, one being read, one spare (1 MB of bytes, 1 MB of cell bounds each)
		this.full = new ArrayBlockingQueue<>(this.threads);
		this.free = new ArrayBlockingQueue<>(2 * this.threads + 2);
		this.main = newWorker();
	}

	private RowWorker newWorker() {
		return new RowWorker(this, new PersonCounter(this.settings.standard(), this.settings.asOf(),
				this.retainIdentifiers));
	}

	@Override
	public void row(long number, Cells cells) {
		this.rows++;
		if (this.current == null) {
			this.current = (RowBatch.Chars) takeFree();
			this.current.index = this.batches++;
		}
		this.current.add(cells);
		if (this.current.isFull()) {
			RowBatch.Chars batch = this.current;
			this.current = null;
			dispatch(batch);
		}
	}

	/** Works on a block: on this thread until the identifier columns are chosen, then on the workers. */
	private void dispatch(RowBatch batch) {
		checkFailure();
		if (this.choice == null || this.threads == 1) {
			this.main.work(batch);
			recycle(batch);
			return;
		}
		if (this.workerThreads.isEmpty()) {
			startWorkers();
		}
		try {
			while (!this.full.offer(batch, 50, TimeUnit.MILLISECONDS)) {
				checkFailure();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while scanning");
		}
	}

	private RowBatch takeFree() {
		RowBatch b = this.free.poll();
		if (b != null) {
			return b;
		}
		if (this.created < 2 * this.threads + 2) {
			this.created++;
			return (this.blockReader != null) ? new RowBatch.Bytes(this.blockReader.newBlock())
					: new RowBatch.Chars(this.names.size());
		}
		try {
			while ((b = this.free.poll(50, TimeUnit.MILLISECONDS)) == null) {
				checkFailure();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while scanning");
		}
		return b;
	}

	private void recycle(RowBatch batch) {
		batch.clear();
		this.free.offer(batch);
	}

	private void startWorkers() {
		for (int i = 0; i < this.threads; i++) {
			RowWorker w = newWorker();
			this.workers.add(w);
			Thread t = new Thread(() -> {
				try {
					while (true) {
						RowBatch b = this.full.take();
						if (b == this.poison) {
							return;
						}
						w.work(b);
						recycle(b);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (Throwable ex) {
					if (this.failure == null) {
						this.failure = ex;
					}
				}
			}, "outbound-scan-" + (i + 1));
			t.setDaemon(true);
			this.workerThreads.add(t);
			t.start();
		}
	}

	private void checkFailure() {
		Throwable t = this.failure;
		if (t instanceof RuntimeException re) {
			throw re;
		}
		if (t instanceof Error e) {
			throw e;
		}
		if (t != null) {
			throw new IllegalStateException(t);
		}
	}

	/** Keeps a row seen before the identifier columns are chosen; chooses them after the last such row. */
	void keep(RowWorker w, RowBatch batch, int r, long mask) {
		String[] copy = new String[this.profiles.length];
		for (int c = 0; c < copy.length; c++) {
			if (batch.isEmpty(r, c)) {
				copy[c] = "";
			}
			else {
				batch.load(r, c, w.decoder, w.slice);
				copy[c] = w.slice.toString();
			}
		}
		this.keptMasks[this.kept.size()] = mask;
		this.kept.add(copy);
		if (this.kept.size() == ColumnChoice.DECIDE_AFTER) {
			decide(w);
		}
	}

	/**
	 * Adds a block's samples and problems once every block before it has been added, so they are the first in the
	 * table whatever thread finished first.
	 */
	synchronized void commit(RowBatch batch, ColumnSamples[] samples, List<TableProblem> undecodable) {
		List<TableProblem> read = batch.problems();
		if (batch.index != this.nextToAdd) {
			this.waiting.put(batch.index, new Done(samples, read.isEmpty() ? List.of() : List.copyOf(read), undecodable));
			return;
		}
		add(samples, read, undecodable);
		Done d;
		while ((d = this.waiting.remove(this.nextToAdd)) != null) {
			add(d.samples, d.read, d.undecodable);
		}
	}

	private void add(ColumnSamples[] samples, List<TableProblem> read, List<TableProblem> undecodable) {
		for (int c = 0; c < this.profiles.length; c++) {
			this.profiles[c].add(samples[c]);
		}
		if (this.blockReader != null) {
			this.blockReader.commit(read, undecodable);
		}
		this.nextToAdd++;
	}

	/** Works on the last rows, stops the workers, and adds up every thread's counts and persons. */
	void finish() {
		if (this.current != null) {
			RowBatch.Chars batch = this.current;
			this.current = null;
			if (batch.rows > 0) {
				dispatch(batch);
			}
			else {
				recycle(batch);
			}
		}
		stopWorkers();
		checkFailure();
		if (this.choice == null) {
			decide(this.main);
		}
		// the largest person set takes in the others (each thread's set may hold most persons)
		PersonCounter persons = this.main.persons;
		for (RowWorker w : this.workers) {
			if (w.persons.size() > persons.size()) {
				persons = w.persons;
			}
		}
		long withoutId = 0;
		for (RowWorker w : allWorkers()) {
			if (w.persons != persons) {
				persons.merge(w.persons);
			}
			withoutId += w.rowsWithoutId;
		}
		this.persons = persons;
		this.rowsWithoutId = withoutId;
		for (int c = 0; c < this.profiles.length; c++) {
			for (RowWorker w : allWorkers()) {
				this.profiles[c].add(w.columns.counts()[c]);
			}
		}
		String otherwise = ColumnChoice.wouldChooseOtherwise(this.settings, this.profiles, this.choice.columns());
		if (otherwise != null) {
			this.warnings.add(otherwise);
		}
	}

	private List<RowWorker> allWorkers() {
		List<RowWorker> all = new ArrayList<>(this.workers);
		all.add(0, this.main);
		return all;
	}

	private void stopWorkers() {
		try {
			for (int i = 0; i < this.workerThreads.size(); i++) {
				while (!this.full.offer(this.poison, 50, TimeUnit.MILLISECONDS)) {
					checkFailure();
				}
			}
			for (Thread t : this.workerThreads) {
				t.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while finishing the scan");
		}
		this.workerThreads.clear();
	}

	/** Stops the worker threads, whether the run ended or failed. */
	void shutdown() {
		for (Thread t : this.workerThreads) {
			t.interrupt();
		}
		this.workerThreads.clear();
	}

	/**
	 * Chooses the identifier columns on what the rows so far showed ({@code w} has worked on all of them, on this
	 * thread), then counts the persons of the rows kept until now.
	 */
	private void decide(RowWorker w) {
		ColumnProfile[] sofar = new ColumnProfile[this.profiles.length];
		for (int c = 0; c < sofar.length; c++) {
			sofar[c] = this.profiles[c].copy();
			sofar[c].add(w.columns.counts()[c]);
			sofar[c].add(w.columns.samplesSoFar(c));
		}
		this.choice = ColumnChoice.choose(this.settings, sofar, this.kept, this.names, this.warnings);
		for (int r = 0; r < this.kept.size(); r++) {
			w.countPerson(this.kept.get(r), this.keptMasks[r]);
		}
		this.kept.clear();
	}

	/** A block's samples and problems waiting for the blocks before it. */
	private record Done(ColumnSamples[] samples, List<TableProblem> read, List<TableProblem> undecodable) {
	}

}
