/**
 * Filing: what happens after the decision. The working-day calendar as versioned data ({@code calendar}), the
 * deadlines of each mechanism counted in Chinese working days ({@code deadline}), and the filing documents a company
 * edits and submits ({@code document}). Plain Java: it uses the rules, never a door.
 */
package cn.outbound.filing;
