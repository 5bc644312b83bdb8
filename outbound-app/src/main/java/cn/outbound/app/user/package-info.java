/**
 * {@code /api/v1/users} and the admin pages (users, tokens, the audit log); the users themselves are
 * {@code cn.outbound.service.user}'s.
 */
package cn.outbound.app.user;
