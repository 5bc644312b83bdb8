/**
 * Users, roles and API tokens (bcrypt passwords, SHA-256 tokens), /api/v1/users and the admin pages.
 */
package cn.outbound.app.user;
