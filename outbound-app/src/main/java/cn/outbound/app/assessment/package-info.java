/**
 * Assessments: the questionnaire generated from the rule pack, drafts, stored assessments with idempotency keys, the result and history pages and /api/v1/assessments.
 */
package cn.outbound.app.assessment;
