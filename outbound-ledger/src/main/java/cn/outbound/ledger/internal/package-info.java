/**
 * How the ledger does it, not part of its API: keyed hashing ({@code PersonHasher}), reading and hashing in
 * parallel ({@code HashingReader}), spilling and windowing sorted hashes ({@code HashSpill}, {@code Run},
 * {@code Windows}), the person directory in hash buckets ({@code PersonDirectory}) and the cumulative count cache
 * ({@code Tallies}). It uses {@code ledger.db} and never the ledger's public package: what it reads is a
 * {@code HashingReader.Source}, what it rejects an {@code InvalidRows.Row}, which the ledger adapts.
 */
package cn.outbound.ledger.internal;
