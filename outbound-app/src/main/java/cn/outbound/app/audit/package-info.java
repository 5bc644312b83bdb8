/**
 * {@code /api/v1/audit}: the audit log and its chain check over REST (the log and its single writer live in
 * {@code cn.outbound.service.audit}).
 */
package cn.outbound.app.audit;
