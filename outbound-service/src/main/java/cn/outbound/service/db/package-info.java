/**
 * The database settings, read in one place for every door ({@code OUTBOUND_DB_URL} and its kin), the pool and the
 * migrations of {@code db/outbound-app}.
 */
package cn.outbound.service.db;
