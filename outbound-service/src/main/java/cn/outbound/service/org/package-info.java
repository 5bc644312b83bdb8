/**
 * Organisations (issue #13): who owns what, the caller's {@link cn.outbound.service.org.Scope}, and what an enterprise
 * reports to the zone ({@link cn.outbound.service.org.ZoneReports}).
 */
package cn.outbound.service.org;
