/**
 * The zone's side (issue #13): what an enterprise reports to the zone administration and the regulator's view of it
 * ({@link cn.outbound.service.zone.ZoneReports}).
 */
package cn.outbound.service.zone;
