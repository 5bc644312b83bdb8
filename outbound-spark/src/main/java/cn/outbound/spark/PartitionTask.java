package cn.outbound.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import cn.outbound.ledger.PersonHashes;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.scan.SparkAdapter;

/**
 * The work of one partition as an iterator of output rows: while the input lasts, the scanner's worker profiles
 * the rows and gathers the partition's distinct persons; each batch of persons comes out as rows of keyed hashes
 * (hashed here, in the executor: no raw identifier leaves it), and at the end one row carries the partition's
 * counts, samples and problems. Memory is bounded by the batch of persons ({@link SparkAdapter.Worker}).
 */
abstract class PartitionTask implements Iterator<Row>, SparkAdapter.PersonSink {

	/** A person row: kind 0, hash, column mask, minor. A stats row: kind 1, stats. */
	static final StructType SCHEMA = new StructType().add("kind", DataTypes.ByteType, false)
		.add("hash", DataTypes.BinaryType, true)
		.add("mask", DataTypes.LongType, false)
		.add("minor", DataTypes.BooleanType, false)
		.add("stats", DataTypes.BinaryType, true);

	static final byte PERSON = 0;

	static final byte STATS = 1;

	final SparkAdapter.Worker worker;

	private final PersonHashes hashes;

	private final ArrayDeque<Row> out = new ArrayDeque<>();

	private boolean done;

	PartitionTask(SparkAdapter.Plan plan, HashKey key) {
		this.hashes = key.hashes();
		this.worker = new SparkAdapter.Worker(plan, this);
	}

	/** Works on some more input; false when there is none left. */
	abstract boolean step() throws IOException;

	/** Releases what the task holds (open readers), whether it ended or failed. */
	void close() {
	}

	@Override
	public final void person(IdentifierKind kind, String normalised, long columns, boolean minor) {
		byte[] h = new byte[PersonHashes.BYTES];
		this.hashes.hash(kind, normalised, h, 0);
		this.out.add(RowFactory.create(PERSON, h, columns, minor, null));
	}

	@Override
	public final boolean hasNext() {
		try {
			while (this.out.isEmpty() && !this.done) {
				if (!step()) {
					this.done = true;
					close();
					this.out.add(RowFactory.create(STATS, null, 0L, false, serialize(this.worker.finish())));
				}
			}
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
		return !this.out.isEmpty();
	}

	@Override
	public final Row next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.out.poll();
	}

	static byte[] serialize(SparkAdapter.Stats stats) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
				o.writeObject(stats);
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SparkAdapter.Stats deserialize(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return (SparkAdapter.Stats) in.readObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
