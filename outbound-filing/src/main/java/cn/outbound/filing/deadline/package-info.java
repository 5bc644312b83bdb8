/**
 * The deadlines of each mechanism as data ({@code deadlines/deadlines.yaml}): event, amount, unit, direction, the
 * article behind it and why, in Chinese and English ({@link cn.outbound.filing.deadline.Deadlines}, the API a
 * decision's obligations ask); and a filing's timeline for a decision's mechanism and the dates known
 * ({@link cn.outbound.filing.deadline.FilingPlan}), as JSON and text.
 */
package cn.outbound.filing.deadline;
