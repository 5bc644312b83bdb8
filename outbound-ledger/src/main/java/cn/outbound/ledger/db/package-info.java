/**
 * Database selection shared by the CLI and the server ({@link cn.outbound.ledger.db.Database}): H2 file by default,
 * PostgreSQL by {@code OUTBOUND_DB_URL}; pooled connections; the ledger's Flyway migrations.
 */
package cn.outbound.ledger.db;
