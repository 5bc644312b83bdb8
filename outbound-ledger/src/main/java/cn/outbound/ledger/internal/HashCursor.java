package cn.outbound.ledger.internal;

/**
 * Person hashes in ascending unsigned order, each once. {@link #hash()} is a 32-byte array reused between calls.
 */
public interface HashCursor extends AutoCloseable {

	boolean next();

	byte[] hash();

	@Override
	void close();

}
