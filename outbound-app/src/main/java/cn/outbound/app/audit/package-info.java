/**
 * The write path and the append-only, hash-chained audit log: every change goes through Writes (group commit), AuditLog reads and verifies the chain.
 */
package cn.outbound.app.audit;
