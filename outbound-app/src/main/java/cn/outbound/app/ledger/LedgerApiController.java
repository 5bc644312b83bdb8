package cn.outbound.app.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.Basis;
import cn.outbound.ledger.EventKeyConflictException;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.InvalidIdentifiersException;
import cn.outbound.ledger.InvalidRow;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerJson;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.ledger.LedgerService;
import cn.outbound.tables.ReadLimitException;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.CappedInputStream;
import cn.outbound.tables.TableFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over REST: {@code GET /api/v1/ledger/{processor}/status} (VIEWER) and
 * {@code POST /api/v1/ledger/{processor}/events} (ANALYST), whose body is the CSV or JSON Lines file itself, read as
 * a stream straight into the ledger (never buffered whole; capped by {@code outbound.ledger.max-upload-bytes},
 * 4 GB by default).
 */
@RestController
class LedgerApiController {

	private final cn.outbound.app.web.Scopes scopes;

	private static final Logger log = LoggerFactory.getLogger(LedgerApiController.class);

	private final LedgerService ledger;

	private final ApprovalWatch watch;

	private final long maxUpload;

	LedgerApiController(LedgerService ledger, ApprovalWatch watch, Environment env, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.ledger = ledger;
		this.watch = watch;
		this.maxUpload = env.getProperty("outbound.ledger.max-upload-bytes", Long.class, 4L << 30);
	}

	@GetMapping("/api/v1/ledger/{processor}/status")
	void status(@PathVariable String processor, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = LedgerService.DEFAULT_JURISDICTION) String jurisdiction,
			HttpServletResponse response, Authentication auth) throws IOException, java.sql.SQLException {
		String p = processor(processor);
		String org = this.scopes.of(auth).orgId();
		LedgerStatus s;
		try {
			s = this.ledger.status(org, p, year, null, jurisdiction);
		}
		catch (LedgerInputException ex) {
			throw ApiProblem.badParameter(parameter(ex.field()), ex.getMessage());
		}
		var node = LedgerJson.status(s);
		// #13: the processor as its organisation names it, not its ledger key
		node.put("processor", p);
		// Regulations art. 38 (approved scale) and art. 28 (important-data duties): issue #14
		node.set("notices", NOTICES.valueToTree(ApprovalWatch.toJson(notices(this.watch, org, s))));
		write(response, 200, LedgerJson.compact(node));
	}

	private static final tools.jackson.databind.json.JsonMapper NOTICES = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/** The notices of a status; a database error reading the approvals leaves art. 28 standing. */
	static java.util.List<ApprovalWatch.Notice> notices(ApprovalWatch watch, String org, LedgerStatus s) {
		try {
			return watch.notices(org, s);
		}
		catch (java.sql.SQLException ex) {
			log.warn("Could not read the approvals of {}: {}", s.processor(), ex.getMessage());
			return ApprovalWatch.importantDataDuties(s, watch);
		}
	}

	@PostMapping("/api/v1/ledger/{processor}/events")
	void record(@PathVariable String processor, @RequestParam String date, @RequestParam String eventKey,
			@RequestParam String column, @RequestParam(defaultValue = "NONE") String basis,
			@RequestParam(defaultValue = "false") boolean sensitive, @RequestParam(required = false) String recipient,
			@RequestParam(defaultValue = "false") boolean skipInvalid, HttpServletRequest request,
			HttpServletResponse response, Authentication auth) throws IOException, java.sql.SQLException {
		requireTable(request);
		String org = this.scopes.of(auth).orgId();
		EventSpec event = event(processor, eventKey, date, basis, recipient);
		if (request.getContentLengthLong() > this.maxUpload) {
			throw Problems.tooLarge(this.maxUpload);
		}
		RecordResult r;
		CappedInputStream body = new CappedInputStream(request.getInputStream(), this.maxUpload);
		try {
			// any format of the table registry; a workbook or Parquet file goes to an owner-only temporary file first
			Persons persons = new Persons(PersonClass.of(sensitive), Persons.AUTO,
					IdentifierSource.column(body, "upload", column, Path.of(System.getProperty("java.io.tmpdir"))));
			r = this.ledger.record(org, event, List.of(persons), IngestOptions.DEFAULT.withSkipInvalid(skipInvalid),
					actor(auth, request), ex -> log.warn("Could not audit a ledger event: {}", ex.getMessage()));
		}
		catch (InvalidIdentifiersException ex) {
			throw invalidRows(ex, body);
		}
		catch (EventKeyConflictException ex) {
			throw new ApiProblem(409, "event-key-conflict", "Event key already used", ex.getMessage());
		}
		catch (ReadLimitException ex) {
			throw tooLargeOr(body, ApiProblem.readLimit(ex, "body"));
		}
		catch (TableFormatException ex) {
			throw tooLargeOr(body, new ApiProblem(422, "unreadable-table", "Not a table", "body: " + ex.getMessage(),
					List.of(ApiProblem.parameterError("body", ex.getMessage()))));
		}
		catch (LedgerInputException ex) {
			throw tooLargeOr(body, new ApiProblem(422, "invalid-ledger-input", "Invalid ledger input", ex.getMessage(),
					List.of(ApiProblem.parameterError(ex.field(), ex.getMessage()))));
		}
		catch (IOException | RuntimeException ex) {
			if (body.exceeded()) {
				throw Problems.tooLarge(this.maxUpload);
			}
			throw ex;
		}
		var node = LedgerJson.record(r);
		node.put("processor", event.processor());
		write(response, (r.outcome() == RecordResult.Outcome.RECORDED) ? 201 : 200, LedgerJson.compact(node));
	}

	private ApiProblem invalidRows(InvalidIdentifiersException ex, CappedInputStream body) {
		if (body.exceeded()) {
			return Problems.tooLarge(this.maxUpload);
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (InvalidRow row : ex.rows()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("row", row.row());
			e.put("value", row.maskedValue());
			e.put("message", row.reason());
			errors.add(e);
		}
		return new ApiProblem(422, "invalid-rows", "Rows without a valid identifier",
				ex.invalidCount() + " of " + ex.rowsRead() + " rows have no valid identifier; nothing was recorded "
						+ "(fix them, or send skipInvalid=true to record the valid rows only). The first "
						+ errors.size() + " are listed, values masked.",
				errors);
	}

	private ApiProblem tooLargeOr(CappedInputStream body, ApiProblem otherwise) {
		return body.exceeded() ? Problems.tooLarge(this.maxUpload) : otherwise;
	}

	private static Actor actor(Authentication auth, HttpServletRequest request) {
		return new Actor((auth != null) ? auth.getName() : "anonymous", request.getRemoteAddr());
	}

	private static EventSpec event(String processor, String eventKey, String date, String basis, String recipient) {
		LocalDate d;
		try {
			d = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badParameter("date", "expected yyyy-MM-dd");
		}
		try {
			return new EventSpec(processor(processor), eventKey, d, recipient, EventSpec.basis(basis), null);
		}
		catch (LedgerInputException ex) {
			throw ApiProblem.badParameter(parameter(ex.field()), ex.getMessage());
		}
	}

	private static String parameter(String field) {
		return switch (field) {
			case "event-key" -> "eventKey";
			default -> field;
		};
	}

	static String processor(String processor) {
		if (processor == null || processor.isBlank() || processor.length() > EventSpec.MAX_TEXT
				|| processor.chars().anyMatch(Character::isISOControl)) {
			throw ApiProblem.badParameter("processor", "1 to " + EventSpec.MAX_TEXT + " characters, no control characters");
		}
		return processor.strip();
	}

	/** A format of the table registry by its media type, or a generic one (the content tells); anything else is 415. */
	private static void requireTable(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null) {
			try {
				MediaType mt = MediaType.parseMediaType(type);
				String t = mt.getType() + "/" + mt.getSubtype();
				if (TableFormat.byMediaType(t).isPresent() || t.equals("application/octet-stream")) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// unsupported
			}
		}
		throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
				"Send the file itself as the body: text/csv, application/x-ndjson, an .xlsx workbook or Parquet ("
						+ TableFormat.names(java.util.Locale.ROOT) + "), or application/octet-stream.");
	}

	private static void write(HttpServletResponse response, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.setContentLength(bytes.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(bytes);
		}
	}

}
