/**
 * POST /api/v1/decisions: a scenario in, its decision out, nothing stored.
 */
package cn.outbound.app.decision;
