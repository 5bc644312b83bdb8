/**
 * The ledger of persons exported (issue #4): exact distinct counts per processor, year (Asia/Shanghai) and class,
 * from keyed hashes only. The public surface is {@link cn.outbound.ledger.Ledger} with its value types
 * ({@link cn.outbound.ledger.EventSpec}, {@link cn.outbound.ledger.Persons}, {@link cn.outbound.ledger.RecordResult},
 * {@link cn.outbound.ledger.LedgerStatus}, {@link cn.outbound.ledger.WhatIf}, {@link cn.outbound.ledger.LedgerCounts},
 * {@link cn.outbound.ledger.Thresholds}), the key ({@link cn.outbound.ledger.LedgerKey}), the JSON documents
 * ({@link cn.outbound.ledger.LedgerJson}) and the database selection ({@link cn.outbound.ledger.db.Database}).
 * Pure Java and JDBC: no web framework.
 *
 * <p>
 * {@code Ledger} is a facade over package-private parts, one per seam: {@code EventWriter} (the record path:
 * {@code HashedParts} read and hashed to the end, then one transaction under the ledger lock), {@code StatusReader}
 * (status, months, recipients, bases), {@code WhatIfReader}, {@code EventReader} (the events) and {@code KeyCheck}.
 * They use {@code ledger.internal} and {@code ledger.db}; neither of those uses this package.
 */
package cn.outbound.ledger;
