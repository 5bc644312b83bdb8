package cn.outbound.app.assessment;

import javax.sql.DataSource;

import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;
import cn.outbound.service.assessment.Reviews;
import cn.outbound.service.user.Users;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.decision.Deciding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stored assessments and drafts ({@link Assessments}, {@link DraftStore}): the application layer's, wired for the API
 * and the pages.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

	@Bean
	AssessmentStore assessmentStore(DataSource dataSource, Writes writes) {
		return new AssessmentStore(dataSource, writes);
	}

	@Bean
	DraftStore draftStore(DataSource dataSource, Writes writes) {
		return new DraftStore(dataSource, writes);
	}

	@Bean
	cn.outbound.service.org.ZoneReports zoneReports(javax.sql.DataSource dataSource,
			cn.outbound.service.audit.Writes writes, Assessments assessments) {
		return new cn.outbound.service.org.ZoneReports(dataSource, writes, assessments);
	}

	@Bean
	Assessments assessments(Deciding deciding, AssessmentStore store) {
		return new Assessments(deciding, store);
	}

	@Bean
	Reviews reviews(DataSource dataSource, Writes writes, Users users) {
		return new Reviews(dataSource, writes, users);
	}

	/** The decision's PDF writer; absent (the PDF answers 503) when the machine has no CJK font. */
	@Bean
	DecisionPdf decisionPdf() {
		try {
			return new DecisionPdf(cn.outbound.report.CjkFont.fromEnvironment(System.getenv()));
		}
		catch (cn.outbound.report.CjkFont.MissingFontException ex) {
			org.slf4j.LoggerFactory.getLogger(AssessmentConfiguration.class).warn("No decision PDFs: {}", ex.getMessage());
			return null;
		}
	}

}
