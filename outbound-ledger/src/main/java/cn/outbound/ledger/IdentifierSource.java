package cn.outbound.ledger;

import java.util.Iterator;
import java.util.stream.Stream;

import cn.outbound.ledger.internal.TableColumnSource;
import cn.outbound.pii.io.TableReader;

/**
 * A stream of identifier values, one per row, read once. {@link #value()} may be a view that is valid only until
 * the next call to {@link #next()} (no copy per row).
 */
public interface IdentifierSource extends AutoCloseable {

	/** Moves to the next row; false at the end. */
	boolean next();

	/** The current row's value; meaningless when {@link #problem()} is not null. */
	CharSequence value();

	/** The current row's number for messages (the line in a file; 1-based position otherwise). */
	long row();

	/** Why the current row could not be read (a ragged row, a line that is not JSON), or null. */
	default String problem() {
		return null;
	}

	@Override
	default void close() {
	}

	/** Values from an iterator; row numbers count from 1. */
	static IdentifierSource of(Iterator<? extends CharSequence> values) {
		return new IdentifierSource() {

			private CharSequence current;

			private long row;

			@Override
			public boolean next() {
				if (!values.hasNext()) {
					return false;
				}
				this.current = values.next();
				this.row++;
				return true;
			}

			@Override
			public CharSequence value() {
				return (this.current != null) ? this.current : "";
			}

			@Override
			public long row() {
				return this.row;
			}

		};
	}

	static IdentifierSource of(Iterable<? extends CharSequence> values) {
		return of(values.iterator());
	}

	/** Values from a stream, which is closed with the source. */
	static IdentifierSource of(Stream<? extends CharSequence> values) {
		IdentifierSource it = of(values.iterator());
		return new IdentifierSource() {

			@Override
			public boolean next() {
				return it.next();
			}

			@Override
			public CharSequence value() {
				return it.value();
			}

			@Override
			public long row() {
				return it.row();
			}

			@Override
			public void close() {
				values.close();
			}

		};
	}

	/**
	 * One column of a table (CSV in UTF-8 or GBK with any common delimiter, or JSON Lines), streamed row by row.
	 * A row the reader could not read cleanly (cells missing or extra, a stray or unterminated quote, a line that
	 * is not a JSON object, undecodable bytes in the column) is reported as unreadable rather than guessed at. The
	 * reader is closed with the source.
	 * @param column the column's header name (case-insensitive) or its 1-based number
	 * @throws LedgerInputException naming the columns the file has
	 */
	static IdentifierSource column(TableReader reader, String column) {
		return new TableColumnSource(reader, TableColumnSource.index(reader, column));
	}

}
