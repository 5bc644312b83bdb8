package cn.outbound.filing.life;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.outbound.filing.calendar.FilingText;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Open deadlines as an iCalendar feed (RFC 5545, through ical4j) for a team's calendar: one all-day event per
 * deadline (a window spans its days), dated in Asia/Shanghai (the days of the law; all-day dates float, and the feed
 * says its zone in {@code X-WR-TIMEZONE}), with a UID that stays the same for the same deadline of the same filing,
 * so a calendar that reads the feed again updates the event rather than adding one.
 */
public final class DeadlinesCalendar {

	public static final String MEDIA_TYPE = "text/calendar";

	public static final String ZONE = "Asia/Shanghai";

	private DeadlinesCalendar() {
	}

	/**
	 * @param now the feed's time stamp ({@code DTSTAMP})
	 */
	public static String ics(List<FilingDeadlines.Open> open, LocalDate today, Instant now, String lang) {
		Calendar cal = new Calendar();
		cal.add(new ProdId("-//Outbound//Filing deadlines//" + ("en".equals(lang) ? "EN" : "ZH")));
		cal.add(ImmutableVersion.VERSION_2_0);
		cal.add(ImmutableCalScale.GREGORIAN);
		cal.add(new XProperty("X-WR-CALNAME", FilingText.in(lang, "life.ics.name")));
		cal.add(new XProperty("X-WR-TIMEZONE", ZONE));
		DtStamp stamp = new DtStamp(now.truncatedTo(ChronoUnit.SECONDS));
		for (FilingDeadlines.Open o : open) {
			LocalDate last = o.due();
			String summary = (o.overdue(today) ? FilingText.in(lang, "life.ics.overdue") + " " : "")
					+ o.rule().title().in(lang) + " — " + FilingText.in(lang, "life.text.of-filing", "id", o.filingId(),
							"processor", (o.processorId() != null) ? o.processorId() : "-");
			VEvent e = new VEvent(o.date(), last.plusDays(1), summary);
			e.add(new Uid(o.uid()));
			e.replace(stamp); // one DTSTAMP per event: the feed's, not the moment the event was built
			StringBuilder d = new StringBuilder();
			d.append(o.rule().marks().in(lang)).append("en".equals(lang) ? ": " : "：").append(o.period().in(lang)).append('\n');
			d.append(o.rule().citation().title().in(lang)).append('\n');
			d.append(o.rule().explanation().in(lang));
			if (o.provisional()) {
				d.append('\n').append(FilingText.in(lang, "life.text.provisional"));
			}
			e.add(new Description(d.toString()));
			cal.add(e);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(true).output(cal, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ValidationException ex) {
			throw new IllegalStateException("the deadlines feed is not valid iCalendar: " + ex.getMessage(), ex);
		}
		// with no deadline the feed is an empty VCALENDAR: calendar applications take it, though RFC 5545 asks for one
		// component, so only a feed with events is held to the whole standard
		if (!open.isEmpty() && cal.validate().hasErrors()) {
			throw new IllegalStateException("the deadlines feed is not valid iCalendar: " + cal.validate());
		}
		return out.toString();
	}

}
