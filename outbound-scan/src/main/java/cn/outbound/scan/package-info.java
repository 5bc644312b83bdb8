/**
 * Scanning a table for personal information (spec/scan-v1.md). {@link cn.outbound.scan.Scanner} is the facade: a
 * {@code ScanRun} per scan (blocks, threads, samples and problems in block order), a {@code RowWorker} per thread (rows
 * into per-column work and persons), {@link cn.outbound.scan.ColumnWorker} for the per-column work (public, with its
 * mergeable {@link cn.outbound.scan.ColumnCounts} and {@link cn.outbound.scan.ColumnSamples}, so that outbound-spark
 * works the same way), {@code ColumnChoice} (which columns key the rows) and {@code Reports} (the report). Around a
 * scan: {@link cn.outbound.scan.ScanTargets} (what a target names), {@link cn.outbound.scan.TableScans} (its tables
 * scanned), {@link cn.outbound.scan.ScannedPersons} (their persons, as the ledger records them) and
 * {@link cn.outbound.scan.DraftCheck} (whether the draft may go to {@code outbound assess}).
 */
package cn.outbound.scan;
