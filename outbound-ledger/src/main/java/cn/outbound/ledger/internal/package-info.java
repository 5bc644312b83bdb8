/**
 * How the ledger does it, not part of its API: keyed hashing ({@code PersonHasher}), reading and hashing in
 * parallel ({@code HashingReader}), spilling and windowing sorted hashes ({@code HashSpill}, {@code Run},
 * {@code Windows}), the person directory in hash buckets ({@code PersonDirectory}) and the cumulative count cache
 * ({@code Tallies}).
 */
package cn.outbound.ledger.internal;
