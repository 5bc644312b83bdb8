/**
 * Users, roles and API tokens (bcrypt passwords, SHA-256 tokens), every change audited.
 */
package cn.outbound.service.user;
