/**
 * Stored assessments (scenario, decision, rule-pack edition, who and when; idempotency keys) and drafts of the
 * questionnaire, each write with its audit entry.
 */
package cn.outbound.service.assessment;
