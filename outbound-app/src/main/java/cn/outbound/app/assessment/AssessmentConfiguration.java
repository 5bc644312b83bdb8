package cn.outbound.app.assessment;

import javax.sql.DataSource;

import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;
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
	Assessments assessments(Deciding deciding, AssessmentStore store) {
		return new Assessments(deciding, store);
	}

}
