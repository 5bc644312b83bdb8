/**
 * Outbound's rule core: bilingual {@link cn.outbound.rules.Text}, the {@link cn.outbound.rules.Mechanism}s an export
 * can need, rule packs as data ({@code pack}), the scenario contract ({@code scenario}), the decision engine
 * ({@code engine}) and its renderings ({@code render}). Pure Java: no web or database framework.
 */
package cn.outbound.rules;
