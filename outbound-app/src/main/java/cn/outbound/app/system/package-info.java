/**
 * Cross-cutting configuration: the database (H2 or PostgreSQL, Flyway), security (form login, API tokens, roles), settings.
 */
package cn.outbound.app.system;
