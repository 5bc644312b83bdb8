/**
 * The scanner on Apache Spark: files (CSV, JSON Lines, Parquet, ORC) and catalog tables scanned column by column in
 * the executors with the single-machine scanner's detectors, persons counted exactly as keyed hashes, the same
 * report, and the persons recorded straight into the ledger. Nothing else in Outbound uses this package; the CLI
 * loads it by reflection only for {@code outbound scan --engine spark}.
 */
package cn.outbound.spark;
