package cn.outbound.app.filingdraft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.outbound.filing.document.Draft;
import cn.outbound.filing.document.DraftInput;
import cn.outbound.filing.document.Drafts;
import cn.outbound.filing.document.FilingDetails;
import cn.outbound.filing.document.FilingDrafts;
import cn.outbound.ledger.Ledger;
import cn.outbound.report.CjkFont;
import cn.outbound.rules.Mechanism;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.AssessmentDrafts;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.decision.RuleBooks;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /assessments/{id}/filing-documents.zip}: the drafts of the assessment's mechanism (DOCX + PDF each), made
 * as the CLI makes them ({@link AssessmentDrafts}: the stored decision, the processor's ledger history), in the page's
 * language, every company-only field marked 【待填写】. Roles: as reading the assessment (VIEWER).
 */
@Controller
class FilingDraftController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Assessments assessments;

	private final RuleBooks books;

	private final Ledger ledger;

	private final MessageSource messages;

	private volatile FilingDrafts writer;

	FilingDraftController(Assessments assessments, RuleBooks books, Ledger ledger, MessageSource messages, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.assessments = assessments;
		this.books = books;
		this.ledger = ledger;
		this.messages = messages;
	}

	@GetMapping("/assessments/{id}/filing-documents.zip")
	ResponseEntity<byte[]> zip(@PathVariable long id, Locale locale,
			org.springframework.security.core.Authentication user) throws SQLException, IOException {
		String lang = "en".equals(locale.getLanguage()) ? "en" : "zh";
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Assessment a = this.assessments.find(scope, id).orElse(null);
		if (a == null) {
			return ResponseEntity.notFound().build();
		}
		DraftInput input;
		try {
			input = AssessmentDrafts.input(a, scope.orgId(), this.books.current().packs(), this.ledger, FilingDetails.NONE,
					LocalDate.now(), lang);
		}
		catch (AssessmentDrafts.DecisionChangedException ex) {
			return text(HttpStatus.CONFLICT, "filingdraft.changed", lang);
		}
		List<Mechanism> mechanisms = Drafts.mechanisms(input.decision().outcome());
		if (mechanisms.isEmpty()) {
			return text(HttpStatus.CONFLICT, "filingdraft.noFiling", lang);
		}
		FilingDrafts drafts;
		try {
			drafts = writer();
		}
		catch (CjkFont.MissingFontException ex) {
			return text(HttpStatus.SERVICE_UNAVAILABLE, "filingdraft.font", lang);
		}
		List<Draft> list = Drafts.of(input, mechanisms);
		ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
		drafts.zip(list, out);
		String name = ("en".equals(lang) ? "assessment-" + id + "-filing-documents" : "评估" + id + "-申报材料") + ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	/** One writer per server: the font is read once. */
	private FilingDrafts writer() {
		FilingDrafts w = this.writer;
		if (w == null) {
			synchronized (this) {
				if (this.writer == null) {
					this.writer = FilingDrafts.official(CjkFont.fromEnvironment(System.getenv()));
				}
				w = this.writer;
			}
		}
		return w;
	}

	private ResponseEntity<byte[]> text(HttpStatus status, String key, String lang) {
		String message = this.messages.getMessage(key, null, "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

}
