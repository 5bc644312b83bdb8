/**
 * The life of a filing after the decision (issue #14 item 4): a {@link cn.outbound.filing.life.Filing} of one stored
 * assessment moves through the states of its mechanism ({@link cn.outbound.filing.life.Lifecycle}: the allowed
 * transitions, and the checks of each step's date, filing number and approved scale), and has open deadlines
 * ({@link cn.outbound.filing.life.FilingDeadlines}) computed from the deadline rules ({@code deadline}) and the
 * working-day calendar ({@code calendar}). Plain Java, no storage: the service stores filings and every door calls it.
 */
package cn.outbound.filing.life;
