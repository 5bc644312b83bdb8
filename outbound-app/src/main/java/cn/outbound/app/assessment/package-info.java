/**
 * Assessments' doors: the questionnaire generated from the rule pack, drafts, the result and history pages and
 * /api/v1/assessments, over {@code cn.outbound.service.assessment} (stored assessments with idempotency keys, drafts).
 */
package cn.outbound.app.assessment;
