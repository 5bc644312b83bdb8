/**
 * Deciding, the one way for the decision API, the assessment API and the questionnaire: parse, read against the rule
 * book in force (shipped and published editions), decide with the ledger's prior counts; a refused request names every
 * problem.
 */
package cn.outbound.service.decision;
