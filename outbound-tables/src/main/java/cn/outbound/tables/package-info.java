/**
 * Reading tables, for the scanner, the ledger and the uploads alike: the one format registry ({@link TableFormat}:
 * delimited text in UTF-8 or GB18030, JSON Lines, {@code .xlsx} workbooks, Parquet, told by extension and content),
 * the one decoder ({@link CellDecoder}), the one size-capped stream ({@link CappedInputStream}), the read limits
 * ({@link ReadLimits}) and the readers: pushed to a {@link RowSink} ({@link TableSource}: text, workbooks, Parquet,
 * JDBC tables) or pulled row by row ({@link Rows}, {@link ColumnReader}). Memory stays flat in the size of the table.
 * Plain Java; stands on nothing of ours.
 */
package cn.outbound.tables;
