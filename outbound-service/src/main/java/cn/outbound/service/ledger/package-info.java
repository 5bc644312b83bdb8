/**
 * The ledger as every door uses it: recording an export event with its audit entry (files, uploads, scans), status,
 * history, what-if and counts against the thresholds in force, and the one prior-counts adapter of decisions.
 */
package cn.outbound.service.ledger;
