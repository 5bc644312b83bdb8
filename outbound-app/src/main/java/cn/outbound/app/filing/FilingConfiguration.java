package cn.outbound.app.filing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import cn.outbound.filing.calendar.Calendars;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.filing.Filings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Filings ({@link Filings}) wired for the API and the pages: the built-in calendars, plus those of
 * {@code outbound.calendar-dir} / {@code OUTBOUND_CALENDAR_DIR} when set (as the CLI's {@code --calendar-dir}).
 */
@Configuration(proxyBeanMethods = false)
class FilingConfiguration {

	@Bean
	Filings filings(DataSource dataSource, Writes writes, Environment env) {
		String dir = env.getProperty("outbound.calendar-dir", env.getProperty("OUTBOUND_CALENDAR_DIR"));
		WorkingDays days = (dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir)))
				? new WorkingDays(Calendars.builtInAnd(Path.of(dir))) : WorkingDays.builtIn();
		return new Filings(dataSource, writes, new FilingDeadlines(Deadlines.builtIn(), days), Clock.systemUTC());
	}

	/** The notices of a ledger status (art. 38, art. 28), for the ledger's API and page. */
	@Bean
	ApprovalWatch approvalWatch(Filings filings, RuleBooks books) {
		return new ApprovalWatch(filings, () -> books.current().packs());
	}

}
