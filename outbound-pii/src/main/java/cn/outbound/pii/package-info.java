/**
 * Person identifiers: validation (resident ID numbers, Luhn), one normal form per kind shared by
 * the scanner and the ledger, and masking for anything shown to a person. Pure Java; nothing here
 * logs or puts a raw identifier in an exception message.
 */
package cn.outbound.pii;
