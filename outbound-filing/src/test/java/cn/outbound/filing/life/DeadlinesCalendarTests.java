package cn.outbound.filing.life;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.outbound.rules.Mechanism;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed parsed back by ical4j: all-day events, stable UIDs, windows spanning their days, zh and en. */
class DeadlinesCalendarTests {

	static List<FilingDeadlines.Open> open() {
		Filing contract = FilingDeadlinesTests.filing(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION,
				FilingState.CONTRACT_EFFECTIVE, "2026-09-28");
		Filing approved = FilingDeadlinesTests.filing(Mechanism.SECURITY_ASSESSMENT, FilingState.SUBMITTED,
				"2026-02-12", FilingState.ACCEPTED, "2026-03-02", FilingState.APPROVED, "2026-05-06");
		List<FilingDeadlines.Open> all = new java.util.ArrayList<>(FilingDeadlinesTests.DEADLINES.open(contract));
		all.addAll(FilingDeadlinesTests.DEADLINES.open(approved));
		all.sort(FilingDeadlines.SOONEST);
		return all;
	}

	static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	@Test
	void everyOpenDeadlineIsAnAllDayEventWithAStableUid() throws Exception {
		LocalDate today = LocalDate.of(2026, 10, 20);
		String ics = DeadlinesCalendar.ics(open(), today, Instant.parse("2026-10-20T02:00:00Z"), "zh");
		Calendar cal = parse(ics);
		List<VEvent> events = cal.getComponents("VEVENT");
		assertThat(events).hasSize(4);
		assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
			.containsExactly("filing-9-sa-re-evaluation@outbound", "filing-9-scc-filing@outbound",
					"filing-9-sa-extension@outbound", "filing-9-sa-validity@outbound");
		VEvent scc = events.get(1);
		assertThat(scc.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261016");
		assertThat(scc.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
			.isEqualTo("DATE");
		assertThat(scc.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20261017");
		assertThat(scc.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("【已逾期】 标准合同备案");
		// the extension window: from its first day to expiry, inclusive
		VEvent extension = events.get(2);
		assertThat(extension.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20290507");
		assertThat(extension.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("估计");
		assertThat(cal.getProperty("X-WR-TIMEZONE").orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
		// valid RFC 5545 as ical4j reads it: one DTSTAMP per event (the feed's), no validation error
		assertThat(cal.validate().hasErrors()).as(cal.validate().toString()).isFalse();
		assertThat(events).allSatisfy(e -> assertThat(e.<Property>getProperties("DTSTAMP")).extracting(Property::getValue)
			.containsExactly("20261020T020000Z"));
		// the same deadlines an hour later: the same events
		String again = DeadlinesCalendar.ics(open(), today, Instant.parse("2026-10-20T03:00:00Z"), "en");
		assertThat(parse(again).<VEvent>getComponents("VEVENT"))
			.extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
			.containsExactlyElementsOf(events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).toList());
		assertThat(again).contains("SUMMARY:[OVERDUE] File the standard contract");
	}

	@Test
	void noDeadlineIsAnEmptyButValidCalendar() throws Exception {
		Calendar cal = parse(DeadlinesCalendar.ics(List.of(), LocalDate.of(2026, 1, 1), Instant.EPOCH, "en"));
		assertThat(cal.getComponents("VEVENT")).isEmpty();
		assertThat(cal.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
	}

}
