/**
 * Scanning a dataset in the server: an upload streamed to a temporary file (size-limited, deleted after the scan),
 * the scanner of outbound-scan, the report page with its JSON download, the draft carried into the questionnaire, and
 * POST /api/v1/scans. Raw values never leave the scanner: reports hold masked samples and counts only.
 */
package cn.outbound.app.scan;
