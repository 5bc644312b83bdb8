package cn.outbound.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

import cn.outbound.tables.ColumnNotFoundException;
import cn.outbound.tables.ColumnReader;
import cn.outbound.tables.ReadLimits;
import cn.outbound.tables.Rows;
import cn.outbound.tables.Tables;

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
	 * One column of a table of any format the table registry reads (CSV in UTF-8 or GBK with any common delimiter,
	 * JSON Lines, an {@code .xlsx} sheet, Parquet), streamed row by row. A row the reader could not read cleanly (cells
	 * missing or extra, a stray or unterminated quote, a line that is not a JSON object, undecodable bytes in the
	 * column) is reported as unreadable rather than guessed at. The table is closed with the source.
	 * @param column the column's header name (case-insensitive) or its 1-based number
	 * @throws LedgerInputException naming the columns the table has
	 */
	static IdentifierSource column(Rows table, String column) {
		try {
			return column(new ColumnReader(table, column));
		}
		catch (ColumnNotFoundException ex) {
			throw new LedgerInputException("column", ex.getMessage());
		}
	}

	/**
	 * The column {@code column} of every table of {@code file} ({@link Tables#column(Path, String, ReadLimits)}: each
	 * sheet with data of a workbook, all of which must have it).
	 * @throws LedgerInputException naming the table without the column and the columns it has
	 */
	static IdentifierSource column(Path file, String column) throws IOException {
		try {
			return column(Tables.column(file, column, ReadLimits.DEFAULT));
		}
		catch (ColumnNotFoundException ex) {
			throw new LedgerInputException("column", ex.getMessage());
		}
	}

	/**
	 * The column {@code column} of a stream named {@code name} (an upload, standard input), of any format the registry
	 * reads; a workbook or Parquet file is first copied to an owner-only temporary file in {@code tempDir}, deleted
	 * when the source closes. The stream is closed with the source.
	 * @throws LedgerInputException naming the table without the column and the columns it has
	 */
	static IdentifierSource column(InputStream in, String name, String column, Path tempDir) throws IOException {
		try {
			return column(Tables.column(in, name, column, ReadLimits.DEFAULT, tempDir));
		}
		catch (ColumnNotFoundException ex) {
			throw new LedgerInputException("column", ex.getMessage());
		}
	}

	/** A column of the table module's reader as identifiers. */
	private static IdentifierSource column(ColumnReader reader) {
		return new IdentifierSource() {

			@Override
			public boolean next() {
				return reader.next();
			}

			@Override
			public CharSequence value() {
				return reader.value();
			}

			@Override
			public long row() {
				return reader.row();
			}

			@Override
			public String problem() {
				return reader.problem();
			}

			@Override
			public void close() {
				reader.close();
			}

		};
	}

}
