/**
 * The rule book wired for the server (shipped and published editions; {@code cn.outbound.service.decision} holds it
 * and decides), the list browser, the questionnaire model, rule-pack publishing and /api/v1/rule-packs.
 */
package cn.outbound.app.rules;
