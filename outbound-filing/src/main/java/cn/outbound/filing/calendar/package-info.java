/**
 * The working-day calendar as data: one YAML file per year ({@code outbound/calendar/v1}, docs/filing-calendar.md)
 * from the State Council's yearly holiday notice, built in ({@code calendars/}) or loaded from a folder;
 * {@link cn.outbound.filing.calendar.CalendarLoader} checks a file and reports every problem with
 * {@code file:line:column} in Chinese and English; {@link cn.outbound.filing.calendar.WorkingDays} counts working
 * days and says why a day is or is not one. Past the last loaded year an answer is provisional (weekends only) and
 * says so.
 */
package cn.outbound.filing.calendar;
