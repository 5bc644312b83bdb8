/**
 * The write path and the append-only, hash-chained audit log: every change goes through {@code Writes} (one writer,
 * group commit, the audit entry in the same transaction), {@code AuditLog} reads and verifies the chain.
 */
package cn.outbound.service.audit;
