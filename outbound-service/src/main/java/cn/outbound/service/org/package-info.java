/**
 * Organisations (issue #13): who owns what ({@link cn.outbound.service.org.Organisations}), the caller's
 * {@link cn.outbound.service.org.Scope} every store filters by, and {@link cn.outbound.service.org.Denied}.
 */
package cn.outbound.service.org;
