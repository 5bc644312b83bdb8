/**
 * Filings as the doors use them (issue #14 items 4 and 5): {@link cn.outbound.service.filing.Filings} stores a
 * filing of a stored assessment and its moves through the single writer with their audit entries
 * ({@code FILING_CREATE}, {@code FILING_TRANSITION}), checks every move with the domain's
 * {@link cn.outbound.filing.life.Lifecycle}, and lists open deadlines; {@link cn.outbound.service.filing.ApprovalWatch}
 * measures a processor's ledger against its approvals (Regulations art. 38) and the important-data line (art. 28).
 */
package cn.outbound.service.filing;
