/**
 * Cross-cutting configuration: the application layer's database, writer, users and audit log wired as beans (from
 * {@code cn.outbound.service}), security (form login, API tokens, sessions, roles, body limits), settings. Uses
 * {@code web}; no feature package is used here.
 */
package cn.outbound.app.system;
