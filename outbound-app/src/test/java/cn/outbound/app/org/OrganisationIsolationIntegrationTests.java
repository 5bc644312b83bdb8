package cn.outbound.app.org;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import cn.outbound.app.ServerTests;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13, items 1, 2 and 5, over real HTTP with two enterprises (acme, beta) and a regulator: every endpoint of the
 * server (enumerated from the controllers' mappings, so that a new one without a check here fails) is asked by beta
 * about acme's assessment, draft, filing, scan, ledger and report; nothing of acme's comes back, another's assessment is
 * 404; the regulator reads reported cases only and no enterprise page; the deployment's pages are the default
 * organisation's administrator's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class OrganisationIsolationIntegrationTests extends ServerTests {

	@Autowired
	Organisations orgs;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final String suffix = UUID.randomUUID().toString().substring(0, 6);

	final String acme = "acme-" + this.suffix;

	final String beta = "beta-" + this.suffix;

	/** Acme's title and processor: a page or document of beta's that shows either has leaked. */
	final String secret = "acme-secret-" + this.suffix;

	final String processor = "proc-" + this.suffix;

	String acmeAnalystToken;

	String acmeAdminToken;

	String betaAnalystToken;

	String betaAdminToken;

	String regulatorToken;

	String acmeAnalyst;

	String betaAnalyst;

	String betaAdmin;

	String regulator;

	long assessment;

	long filing;

	long draft;

	long report;

	String scan;

	HttpClient betaSession;

	HttpClient regulatorSession;

	@BeforeAll
	void twoEnterprises() throws Exception {
		Actor actor = new Actor("tests", "127.0.0.1");
		this.orgs.add(this.acme, "Acme 有限公司", actor);
		this.orgs.add(this.beta, "Beta Ltd", actor);
		this.acmeAnalyst = "acme-analyst-" + this.suffix;
		this.betaAnalyst = "beta-analyst-" + this.suffix;
		this.betaAdmin = "beta-admin-" + this.suffix;
		this.regulator = "regulator-" + this.suffix;
		this.acmeAnalystToken = this.users.add(this.acmeAnalyst, Role.ANALYST, PASSWORD, this.acme, "tests", null).token();
		this.acmeAdminToken = this.users.add("acme-admin-" + this.suffix, Role.ADMIN, PASSWORD, this.acme, "tests", null)
			.token();
		this.betaAnalystToken = this.users.add(this.betaAnalyst, Role.ANALYST, PASSWORD, this.beta, "tests", null).token();
		this.betaAdminToken = this.users.add(this.betaAdmin, Role.ADMIN, PASSWORD, this.beta, "tests", null).token();
		this.regulatorToken = this.users.add(this.regulator, Role.REGULATOR, PASSWORD, null, "tests", null).token();

		// acme's ledger: persons of the processor before the assessment's date
		StringBuilder csv = new StringBuilder("email\n");
		for (int i = 0; i < 40; i++) {
			csv.append("p").append(i).append("@acme.example\n");
		}
		HttpResponse<String> ledger = call("POST", "/api/v1/ledger/" + this.processor
				+ "/events?date=2026-01-10&eventKey=" + this.secret + "&column=email", this.acmeAnalystToken, csv.toString(), "text/csv");
		assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(201);

		HttpResponse<String> a = call("POST", "/api/v1/assessments", this.acmeAnalystToken,
				"{\"title\": \"" + this.secret + "\", \"scenario\": " + scenario() + "}", null);
		assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
		this.assessment = json(a).get("id").asLong();
		assertThat(a.body()).contains("\"priorSource\":\"LEDGER\"");

		HttpResponse<String> f = call("POST", "/api/v1/filings", this.acmeAnalystToken,
				"{\"assessment\": " + this.assessment + "}", null);
		assertThat(f.statusCode()).as(f.body()).isEqualTo(201);
		this.filing = json(f).get("id").asLong();
		HttpResponse<String> moved = call("POST", "/api/v1/filings/" + this.filing + "/transitions",
				this.acmeAnalystToken, "{\"to\": \"SUBMITTED\", \"date\": \"2026-03-16\"}", null);
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

		HttpResponse<String> r = call("POST", "/api/v1/reports", this.acmeAnalystToken,
				"{\"kind\": \"assessment\", \"id\": " + this.assessment + ", \"note\": \"for the zone\"}", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		this.report = json(r).get("id").asLong();

		HttpClient acmeSession = session(this.acmeAnalyst);
		String csrf = csrf(browserGet(acmeSession, "/assess").body());
		HttpResponse<String> d = browserPost(acmeSession, "/assess", "_csrf=" + enc(csrf)
				+ "&action=draft&title=" + enc(this.secret) + "&jurisdiction=tianjin-ftz");
		assertThat(d.statusCode()).isEqualTo(302);
		this.draft = Long.parseLong(location(d).replaceAll(".*draft=(\\d+).*", "$1"));
		HttpResponse<String> s = browserUpload(acmeSession, "/scan", csrf(browserGet(acmeSession, "/scan").body()),
				new MultipartBody().file("file", this.secret + ".csv",
						("name,email\n" + this.secret + ",x1@acme.example\n").getBytes(StandardCharsets.UTF_8)));
		assertThat(s.statusCode()).as(s.body()).isEqualTo(302);
		this.scan = location(s).replaceFirst("^/scan/", "");

		this.betaSession = session(this.betaAnalyst);
		this.regulatorSession = session(this.regulator);
	}

	private String scenario() {
		return bankScenario().replace("bank-tj", this.processor);
	}

	// ---------------------------------------------------------------- every endpoint

	/** What each mapping of the server must do when beta (or the regulator) names acme's things. */
	private Map<String, Runnable> checks() {
		Map<String, Runnable> c = new LinkedHashMap<>();
		long a = this.assessment;
		long f = this.filing;
		// assessments: API
		c.put("GET /api/v1/assessments/{id}", () -> notFound(api("GET", "/api/v1/assessments/" + a)));
		c.put("GET /api/v1/assessments", () -> hidden(api("GET", "/api/v1/assessments?size=200")));
		c.put("POST /api/v1/assessments", () -> {
			HttpResponse<String> own = api("POST", "/api/v1/assessments", scenario());
			assertThat(own.statusCode()).isEqualTo(201);
			// beta's decision counts beta's ledger (empty), not acme's persons of the same processor id
			assertThat(own.body()).doesNotContain("\"priorSource\":\"LEDGER\"");
		});
		c.put("GET /assessments/export", () -> hidden(page("/assessments/export?format=csv")));
		c.put("GET /api/v1/assessments/export", () -> hidden(api("GET", "/api/v1/assessments/export?format=jsonl")));
		c.put("GET /api/v1/assessments/{id}/review", () -> notFound(api("GET", "/api/v1/assessments/" + a + "/review")));
		c.put("POST /api/v1/assessments/{id}/review",
				() -> notFound(api("POST", "/api/v1/assessments/" + a + "/review", "{\"verdict\": \"APPROVED\"}")));
		c.put("GET /api/v1/assessments/{id}/decision", () -> notFound(api("GET", "/api/v1/assessments/" + a + "/decision")));
		c.put("GET /api/v1/assessments/{id}/pdf", () -> notFound(api("GET", "/api/v1/assessments/" + a + "/pdf")));
		c.put("POST /api/v1/decisions", () -> {
			HttpResponse<String> d = api("POST", "/api/v1/decisions", scenario());
			assertThat(d.statusCode()).isEqualTo(200);
			assertThat(d.body()).doesNotContain("\"priorSource\":\"LEDGER\"");
		});
		// assessments: pages
		c.put("GET /assessments", () -> hidden(page("/assessments")));
		c.put("GET /assessments/{id}", () -> notFound(page("/assessments/" + a)));
		c.put("GET /assessments/{id}/pdf", () -> notFound(page("/assessments/" + a + "/pdf")));
		c.put("POST /assessments/{id}/review", () -> {
			hidden(form("/assessments/" + a + "/review", "verdict=APPROVED"));
			assertThat(call("GET", "/api/v1/assessments/" + a + "/review", this.acmeAnalystToken, null, null).body())
				.contains("\"status\":\"PENDING\"");
		});
		c.put("POST /assessments/{id}/copy", () -> notFound(form("/assessments/" + a + "/copy", "")));
		c.put("GET /assessments/compare", () -> notFound(page("/assessments/compare?left=" + a + "&right=" + a)));
		c.put("GET /assessments/{id}/filing-documents.zip", () -> notFound(page("/assessments/" + a + "/filing-documents.zip")));
		// questionnaire and drafts
		c.put("GET /assess", () -> {
			hidden(page("/assess?draft=" + this.draft));
			assertThat(page("/assess").statusCode()).isEqualTo(200);
		});
		c.put("GET /assess [resume]", () -> assertThat(page("/assess?resume").statusCode()).isEqualTo(302));
		c.put("POST /assess", () -> hidden(form("/assess", "action=switch&jurisdiction=tianjin-ftz&draftId=" + this.draft)));
		c.put("POST /assess/validate", () -> hidden(form("/assess/validate", "jurisdiction=tianjin-ftz")));
		c.put("POST /drafts/{id}/delete", () -> {
			form("/drafts/" + this.draft + "/delete", "");
			assertThat(browserGet(sessionOf(this.acmeAnalyst), "/assess?draft=" + this.draft).body()).contains(this.secret);
		});
		// filings and deadlines
		c.put("GET /api/v1/filings/{id}", () -> notFound(api("GET", "/api/v1/filings/" + f)));
		c.put("GET /api/v1/filings", () -> assertThat(json(api("GET", "/api/v1/filings")).get("items").size()).isZero());
		c.put("POST /api/v1/filings", () -> notFound(api("POST", "/api/v1/filings", "{\"assessment\": " + a + "}")));
		c.put("POST /api/v1/filings/{id}/transitions", () -> notFound(api("POST", "/api/v1/filings/" + f
				+ "/transitions", "{\"to\": \"ACCEPTED\", \"date\": \"2026-03-17\"}")));
		c.put("GET /api/v1/filings/{id}/extension", () -> notFound(api("GET", "/api/v1/filings/" + f + "/extension")));
		c.put("GET /api/v1/deadlines", () -> assertThat(api("GET", "/api/v1/deadlines").body())
			.doesNotContain("\"filing\":" + f));
		c.put("GET /filings", () -> assertThat(page("/filings?assessment=" + a).body()).doesNotContain("/filings/" + f));
		c.put("POST /filings", () -> {
			HttpResponse<String> r = form("/filings", "assessment=" + a);
			assertThat(r.statusCode()).isEqualTo(404);
			assertThat(r.body()).doesNotContain(this.secret);
		});
		c.put("GET /filings/{id}", () -> notFound(page("/filings/" + f)));
		c.put("POST /filings/{id}/transitions", () -> notFound(form("/filings/" + f + "/transitions", "to=ACCEPTED&date=2026-03-17")));
		c.put("GET /deadlines", () -> assertThat(page("/deadlines").body()).doesNotContain("/filings/" + f));
		c.put("GET /deadlines.ics", () -> assertThat(api("GET", "/deadlines.ics").body()).doesNotContain("BEGIN:VEVENT"));
		// the ledger
		c.put("GET /api/v1/ledger/{processor}/status", () -> assertThat(json(api("GET", "/api/v1/ledger/" + this.processor
				+ "/status?year=2026")).get("individuals").asLong()).isZero());
		c.put("POST /api/v1/ledger/{processor}/events", () -> {
			HttpResponse<String> r = call("POST", "/api/v1/ledger/" + this.processor
					+ "/events?date=2026-01-11&eventKey=e1&column=email", this.betaAnalystToken, "email\nb@beta.example\n",
					"text/csv");
			// beta's own event under the same key: no conflict with acme's, acme's count untouched
			assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			assertThat(json(call("GET", "/api/v1/ledger/" + this.processor + "/status?year=2026", this.acmeAnalystToken,
					null, null)).get("individuals").asLong()).isEqualTo(40);
		});
		// beta's processor of the same id is beta's own: its page lists beta's events, never acme's (keyed by the secret)
		c.put("GET /ledger", () -> hidden(page("/ledger")));
		c.put("GET /ledger/{processor}", () -> hidden(page("/ledger/" + this.processor + "?year=2026")));
		c.put("POST /ledger/{processor}/events", () -> assertThat(browserUpload(this.betaSession, "/ledger/"
				+ this.processor + "/events", csrf(page("/ledger").body()), new MultipartBody().field("date", "2026-01-12")
					.field("eventKey", "e2").field("column", "email").file("file", "b.csv", "email\nc@beta.example\n"
						.getBytes(StandardCharsets.UTF_8))).body()).doesNotContain(this.secret));
		// scans: a report is its user's within the organisation
		c.put("GET /scan", () -> assertThat(page("/scan").statusCode()).isEqualTo(200));
		c.put("POST /scan", () -> assertThat(browserUpload(this.betaSession, "/scan", csrf(page("/scan").body()),
				new MultipartBody().file("file", "b.csv", "email\nz@beta.example\n".getBytes(StandardCharsets.UTF_8)))
			.statusCode()).isEqualTo(302));
		c.put("POST /api/v1/scans", () -> assertThat(call("POST", "/api/v1/scans?fileName=b.csv", this.betaAnalystToken,
				"email\nz@beta.example\n", "text/csv").body()).doesNotContain(this.secret));
		c.put("GET /scan/{id}", () -> notFound(page("/scan/" + this.scan)));
		c.put("GET /scan/{id}/report.json", () -> notFound(page("/scan/" + this.scan + "/report.json")));
		c.put("POST /scan/{id}/draft", () -> notFound(form("/scan/" + this.scan + "/draft", "")));
		// reports to the zone
		c.put("GET /api/v1/reports", () -> assertThat(json(api("GET", "/api/v1/reports")).get("items").size()).isZero());
		c.put("GET /api/v1/reports/{id}", () -> notFound(api("GET", "/api/v1/reports/" + this.report)));
		c.put("POST /api/v1/reports", () -> notFound(api("POST", "/api/v1/reports",
				"{\"kind\": \"filing\", \"id\": " + f + "}")));
		c.put("POST /api/v1/reports/{id}/withdraw", () -> notFound(api("POST", "/api/v1/reports/" + this.report + "/withdraw", "")));
		c.put("GET /reports", () -> hidden(page("/reports")));
		c.put("POST /reports", () -> notFound(form("/reports", "kind=ASSESSMENT&confirm=yes&id=" + a)));
		c.put("POST /reports/{id}/withdraw", () -> notFound(form("/reports/" + this.report + "/withdraw", "confirm=yes")));
		c.put("GET /api/v1/zone/reports", () -> {
			forbidden(api("GET", "/api/v1/zone/reports"));
			assertThat(call("GET", "/api/v1/zone/reports", this.regulatorToken, null, null).body()).contains(this.secret);
		});
		c.put("GET /api/v1/zone/reports/{id}", () -> {
			forbidden(api("GET", "/api/v1/zone/reports/" + this.report));
			assertThat(call("GET", "/api/v1/zone/reports/" + this.report, this.regulatorToken, null, null).body())
				.contains(this.secret).contains("\"outcome\"");
		});
		c.put("GET /zone/reports", () -> {
			forbidden(page("/zone/reports"));
			assertThat(browserGet(this.regulatorSession, "/zone/reports").body()).contains("/zone/reports/" + this.report);
		});
		c.put("GET /zone/reports/{id}", () -> {
			forbidden(page("/zone/reports/" + this.report));
			assertThat(browserGet(this.regulatorSession, "/zone/reports/" + this.report).body()).contains(this.secret);
		});
		// the zone's statistics and list editions (s13-zone): the regulator's only; counts, never an organisation's data
		c.put("GET /api/v1/zone/statistics", () -> {
			forbidden(api("GET", "/api/v1/zone/statistics"));
			HttpResponse<String> r = call("GET", "/api/v1/zone/statistics", this.regulatorToken, null, null);
			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(r.body()).doesNotContain(this.acme).doesNotContain(this.secret);
		});
		c.put("GET /zone/statistics", () -> {
			forbidden(page("/zone/statistics"));
			assertThat(browserGet(this.regulatorSession, "/zone/statistics").body()).doesNotContain(this.secret);
		});
		c.put("GET /zone/statistics.csv", () -> forbidden(page("/zone/statistics.csv")));
		c.put("GET /zone/editions", () -> forbidden(page("/zone/editions")));
		c.put("POST /zone/editions/validate", () -> forbidden(form("/zone/editions/validate", "yaml=x")));
		c.put("POST /api/v1/zone/editions/validate", () -> forbidden(api("POST", "/api/v1/zone/editions/validate", "x")));
		c.put("POST /zone/editions/impact", () -> forbidden(form("/zone/editions/impact", "yaml=x")));
		c.put("POST /zone/editions/{id}/publish", () -> forbidden(form("/zone/editions/x/publish", "")));
		c.put("POST /assessments/{id}/reassess", () -> notFound(form("/assessments/" + a + "/reassess",
				"pack=tianjin-ftz&edition=2024")));
		// users: an enterprise's ADMIN administers its own users only
		c.put("GET /api/v1/users", () -> {
			forbidden(api("GET", "/api/v1/users"));
			assertThat(call("GET", "/api/v1/users", this.betaAdminToken, null, null).body()).contains(this.betaAnalyst)
				.doesNotContain(this.acmeAnalyst);
		});
		c.put("POST /api/v1/users", () -> {
			HttpResponse<String> r = call("POST", "/api/v1/users", this.betaAdminToken,
					"{\"username\": \"x-" + this.suffix + "\", \"role\": \"VIEWER\", \"org\": \"" + this.acme + "\"}", null);
			assertThat(r.statusCode()).isEqualTo(400);
		});
		c.put("PATCH /api/v1/users/{username}", () -> notFound(call("PATCH", "/api/v1/users/" + this.acmeAnalyst,
				this.betaAdminToken, "{\"enabled\": false}", null)));
		c.put("POST /api/v1/users/{username}/tokens", () -> notFound(call("POST", "/api/v1/users/" + this.acmeAnalyst
				+ "/tokens", this.betaAdminToken, "", null)));
		c.put("DELETE /api/v1/users/{username}/tokens", () -> notFound(call("DELETE", "/api/v1/users/" + this.acmeAnalyst
				+ "/tokens", this.betaAdminToken, null, null)));
		c.put("GET /admin/users", () -> {
			forbidden(page("/admin/users"));
			assertThat(browserGet(sessionOf(this.betaAdmin), "/admin/users").body()).contains(this.betaAnalyst)
				.doesNotContain(this.acmeAnalyst);
		});
		c.put("POST /admin/users", () -> forbidden(form("/admin/users", "username=y&role=VIEWER")));
		c.put("POST /admin/users/{username}/{action}", () -> {
			HttpClient admin = sessionOf(this.betaAdmin);
			HttpResponse<String> r = browserPost(admin, "/admin/users/" + this.acmeAnalyst + "/disable",
					"_csrf=" + enc(csrf(browserGet(admin, "/admin/users").body())) + "&confirm=yes");
			assertThat(r.statusCode()).isEqualTo(404);
		});
		// the deployment's pages: the default organisation's ADMIN only
		for (String p : new String[] { "/api/v1/orgs", "/api/v1/audit", "/api/v1/audit/verify" }) {
			c.put("GET " + p, () -> {
				forbidden(call("GET", p, this.betaAdminToken, null, null));
				assertThat(get(p, Role.ADMIN).statusCode()).isEqualTo(200);
			});
		}
		c.put("POST /api/v1/orgs", () -> forbidden(call("POST", "/api/v1/orgs", this.betaAdminToken,
				"{\"id\": \"z-" + this.suffix + "\", \"name\": \"Z\"}", null)));
		for (String p : new String[] { "/admin/orgs", "/admin/audit", "/admin/packs" }) {
			c.put("GET " + p, () -> forbidden(browserGet(sessionOf(this.betaAdmin), p)));
		}
		c.put("POST /admin/orgs", () -> forbidden(adminForm("/admin/orgs", "id=q-" + this.suffix + "&name=Q")));
		c.put("POST /admin/packs/check", () -> forbidden(adminForm("/admin/packs/check", "")));
		c.put("GET /admin/packs/check/{id}", () -> forbidden(browserGet(sessionOf(this.betaAdmin), "/admin/packs/check/x")));
		c.put("POST /admin/packs/check/{id}/publish", () -> forbidden(adminForm("/admin/packs/check/x/publish", "")));
		c.put("POST /admin/packs/withdraw", () -> forbidden(adminForm("/admin/packs/withdraw", "")));
		c.put("POST /api/v1/rule-packs", () -> forbidden(call("POST", "/api/v1/rule-packs", this.betaAdminToken, "x",
				"application/yaml")));
		c.put("DELETE /api/v1/rule-packs/{id}/{edition}", () -> forbidden(call("DELETE",
				"/api/v1/rule-packs/tianjin-ftz/2024", this.betaAdminToken, null, null)));
		// the same for every organisation: the list and the rule packs, health, documents, the home and sign-in pages
		for (String p : new String[] { "/api/v1/rule-packs", "/api/v1/rule-packs/{id}/{edition}",
				"/api/v1/rule-packs/{id}/{edition}/items/{number}", "/list", "/list/{id}/{edition}",
				"/list/{id}/{edition}/items/{number}", "/list/{id}/{edition}/provisions/{provision}", "/", "/login",
				"/health", "/api/openapi.json", "/api/docs", "/api/docs/", "/api/health" }) {
			c.put("GET " + p, () -> assertThat(page(p.replace("{id}", "tianjin-ftz").replace("{edition}", "2024")
				.replace("{number}", "20").replace("{provision}", "x")).body()).doesNotContain(this.secret));
		}
		c.put("ANY /error", () -> assertThat(page("/error").body()).doesNotContain(this.secret));
		return c;
	}

	@Test // #13: a new endpoint must come with its check here
	void everyEndpointOfTheServerHasACheck() {
		TreeSet<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			var methods = info.getMethodsCondition().getMethods();
			var params = info.getParamsCondition().getExpressions();
			for (String path : info.getPatternValues()) {
				String suffixed = path + (params.isEmpty() ? "" : " [" + params.iterator().next().getName() + "]");
				if (methods.isEmpty()) {
					mapped.add("ANY " + suffixed);
				}
				methods.forEach(m -> mapped.add(m.name() + " " + suffixed));
			}
		}
		assertThat(new TreeSet<>(checks().keySet())).as("every mapping of the server has a check of #13")
			.containsAll(mapped);
	}

	@Test // #13
	void noEndpointShowsAnotherOrganisationsData() {
		java.util.List<String> failed = new java.util.ArrayList<>();
		for (Map.Entry<String, Runnable> check : checks().entrySet()) {
			try {
				check.getValue().run();
			}
			catch (AssertionError | RuntimeException ex) {
				String m = String.valueOf(ex.getMessage());
				failed.add(check.getKey() + ": " + m.substring(0, Math.min(300, m.length())).replace('\n', ' '));
			}
		}
		assertThat(failed).as("endpoints that show another organisation's data").isEmpty();
	}

	@Test // #13: the regulator reads reported cases only, and no enterprise's page or call
	void theRegulatorReadsReportedCasesOnly() {
		for (String p : new String[] { "/api/v1/assessments", "/api/v1/assessments/" + this.assessment,
				"/api/v1/filings", "/api/v1/ledger/" + this.processor + "/status", "/api/v1/reports", "/api/v1/users" }) {
			assertThat(call("GET", p, this.regulatorToken, null, null).statusCode()).as(p).isEqualTo(403);
		}
		for (String p : new String[] { "/assessments", "/assessments/" + this.assessment, "/assess", "/scan", "/ledger",
				"/deadlines", "/reports", "/admin/users" }) {
			assertThat(browserGet(this.regulatorSession, p).statusCode()).as(p).isEqualTo(403);
		}
		// a withdrawn report leaves the regulator's view at once; both are audited
		HttpResponse<String> second = call("POST", "/api/v1/reports", this.acmeAnalystToken,
				"{\"kind\": \"filing\", \"id\": " + this.filing + "}", null);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		long id = json(second).get("id").asLong();
		assertThat(call("GET", "/api/v1/zone/reports/" + id, this.regulatorToken, null, null).statusCode()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/reports", this.acmeAnalystToken,
				"{\"kind\": \"filing\", \"id\": " + this.filing + "}", null).statusCode()).isEqualTo(409);
		assertThat(call("POST", "/api/v1/reports/" + id + "/withdraw", this.acmeAnalystToken, "", null).statusCode())
			.isEqualTo(200);
		assertThat(call("GET", "/api/v1/zone/reports/" + id, this.regulatorToken, null, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/zone/reports", this.regulatorToken, null, null).body())
			.doesNotContain("\"id\":" + id + ",");
		String audit = get("/api/v1/audit?action=ZONE_REPORT_WITHDRAWN", Role.ADMIN).body();
		assertThat(audit).contains("filing:" + this.filing);
		// a viewer may not report; a regulator may not either
		assertThat(call("POST", "/api/v1/reports", this.regulatorToken, "{\"kind\": \"filing\", \"id\": " + this.filing + "}",
				null).statusCode()).isEqualTo(403);
	}

	@Test // #13: a move to another organisation holds on the next request
	void aUserMovedToAnotherOrganisationSeesItsDataAtOnce() throws SQLException {
		String mover = "mover-" + this.suffix;
		String token = this.users.add(mover, Role.VIEWER, PASSWORD, this.acme, "tests", null).token();
		assertThat(call("GET", "/api/v1/assessments/" + this.assessment, token, null, null).statusCode()).isEqualTo(200);
		HttpClient session = session(mover);
		assertThat(browserGet(session, "/assessments/" + this.assessment).statusCode()).isEqualTo(200);
		this.users.setOrg(mover, this.beta, "cli:tests", null);
		// the stamp rose: the session ends, the token is checked afresh and reads beta's data only
		assertThat(browserGet(session, "/assessments/" + this.assessment).statusCode()).isEqualTo(302);
		assertThat(call("GET", "/api/v1/assessments/" + this.assessment, token, null, null).statusCode()).isEqualTo(404);
	}

	@Test // #13: the organisations through the API and the page
	void theDeploymentsAdministratorCreatesOrganisations() {
		String id = "new-" + this.suffix;
		HttpResponse<String> r = post("/api/v1/orgs", Role.ADMIN, "{\"id\": \"" + id + "\", \"name\": \"新企业\"}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(post("/api/v1/orgs", Role.ADMIN, "{\"id\": \"" + id + "\", \"name\": \"again\"}").statusCode())
			.isEqualTo(409);
		HttpResponse<String> bad = post("/api/v1/orgs", Role.ADMIN, "{\"id\": \"Bad Id!\", \"name\": \"x\"}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"parameter\":\"id\"");
		assertThat(get("/api/v1/orgs", Role.ADMIN).body()).contains(id).contains("\"kind\":\"ZONE\"");
		// a REGULATOR belongs to the zone administration only
		HttpResponse<String> wrong = post("/api/v1/users", Role.ADMIN,
				"{\"username\": \"reg-" + this.suffix + "\", \"role\": \"REGULATOR\", \"org\": \"" + id + "\"}");
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("REGULATOR");
	}

	// ---------------------------------------------------------------- helpers

	private final Map<String, HttpClient> sessions = new java.util.concurrent.ConcurrentHashMap<>();

	private HttpClient session(String name) {
		HttpClient client = browser();
		HttpResponse<String> r = signInAs(client, name, PASSWORD);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).doesNotContain("error");
		return client;
	}

	private HttpClient sessionOf(String name) {
		return this.sessions.computeIfAbsent(name, this::session);
	}

	private HttpResponse<String> api(String method, String path) {
		return call(method, path, this.betaAnalystToken, null, null);
	}

	private HttpResponse<String> api(String method, String path, String body) {
		return call(method, path, this.betaAnalystToken, body, null);
	}

	private HttpResponse<String> call(String method, String path, String token, String body, String type) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			b.header("Content-Type", (type != null) ? type : "application/json");
		}
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return send(b.build());
	}

	private HttpResponse<String> page(String path) {
		return browserGet(this.betaSession, path);
	}

	private HttpResponse<String> form(String path, String form) {
		String csrf = csrf(browserGet(this.betaSession, "/assess").body());
		return browserPost(this.betaSession, path, "_csrf=" + enc(csrf) + (form.isEmpty() ? "" : "&" + form));
	}

	private HttpResponse<String> adminForm(String path, String form) {
		HttpClient admin = sessionOf(this.betaAdmin);
		String csrf = csrf(browserGet(admin, "/admin/users").body());
		return browserPost(admin, path, "_csrf=" + enc(csrf) + (form.isEmpty() ? "" : "&" + form));
	}

	private void notFound(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
		assertThat(r.body()).doesNotContain(this.secret);
	}

	private void forbidden(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
	}

	private void hidden(HttpResponse<String> r) {
		assertThat(r.body()).doesNotContain(this.secret);
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
