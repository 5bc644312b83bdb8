/**
 * The Outbound server (Spring Boot): web UI, REST API, stored assessments, users and audit. Only this module knows Spring.
 */
package cn.outbound.app;
