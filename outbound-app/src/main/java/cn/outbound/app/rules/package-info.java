/**
 * The rule book the server decides with (shipped and published editions), the list browser, the questionnaire model and /api/v1/rule-packs; the PriorCounts seam for the ledger.
 */
package cn.outbound.app.rules;
