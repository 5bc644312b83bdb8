/**
 * Web plumbing: RFC 9457 problems, bounded request bodies, bearer tokens, i18n and the page chrome, home, health and API docs.
 */
package cn.outbound.app.web;
