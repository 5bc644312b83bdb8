/**
 * Streaming tabular input shared by the scanner and the ledger: delimited text (encoding and
 * delimiter detected) and JSON Lines, one row at a time, memory flat in the file size.
 */
package cn.outbound.pii.io;
