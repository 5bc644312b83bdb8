/**
 * Database selection shared by the CLI and the server ({@link cn.outbound.ledger.db.Database}): H2 file by default,
 * PostgreSQL by {@code OUTBOUND_DB_URL}; pooled connections; the ledger's Flyway migrations. The ledger's bottom
 * package: it also holds {@link cn.outbound.ledger.db.LedgerException}, which every layer of the ledger throws, and
 * uses no other package of the ledger.
 */
package cn.outbound.ledger.db;
