/**
 * A filing's documents (issue #14 item 3): the company's details file ({@link cn.outbound.filing.document.FilingDetails},
 * read and validated by {@link cn.outbound.filing.document.FilingDetailsReader}), the drafts of each mechanism made
 * from the decision, the details and the ledger ({@link cn.outbound.filing.document.Drafts}; the headings, fields and
 * outlines are data, {@code documents/*.yaml}, each citing ../shared/docs/filing.md), and their writing as DOCX and PDF
 * into a directory or a ZIP ({@link cn.outbound.filing.document.FilingDrafts}). See docs/filing-documents.md.
 */
package cn.outbound.filing.document;
