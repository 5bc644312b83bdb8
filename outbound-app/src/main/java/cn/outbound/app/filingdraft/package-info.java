/**
 * The filing documents of a stored assessment as one ZIP (issue #14 item 3): {@code GET
 * /assessments/{id}/filing-documents.zip}, the same drafts as {@code outbound filing draft --assessment ID}, for whoever
 * may read the assessment. See docs/filing-documents.md.
 */
package cn.outbound.app.filingdraft;
