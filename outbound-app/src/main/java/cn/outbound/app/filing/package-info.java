/**
 * The doors of a filing's life (issue #14 items 4 and 5): the REST API ({@code /api/v1/filings},
 * {@code /api/v1/deadlines}), the filing page with its timeline and transition form, the deadlines page
 * ({@code /deadlines}) and its iCalendar feed ({@code /deadlines.ics}). Each calls the service's
 * {@link cn.outbound.service.filing.Filings}; none decides a rule.
 */
package cn.outbound.app.filing;
