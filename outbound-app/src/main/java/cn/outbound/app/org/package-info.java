/**
 * Organisations (issue #13): {@code /admin/orgs} and {@code /api/v1/orgs}; reporting to the zone and the regulator's
 * view of it ({@code /reports}, {@code /zone/reports}, {@code /api/v1/reports}, {@code /api/v1/zone/reports}).
 */
package cn.outbound.app.org;
