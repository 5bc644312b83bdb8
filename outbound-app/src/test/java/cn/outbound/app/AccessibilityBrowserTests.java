package cn.outbound.app;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 item 15: every page of the app, in Chinese and in English, checked in the browser by axe-core (the jar's own
 * axe.min.js, injected into the page: nothing comes from the internet), with zero serious or critical violations.
 * The pages are those the controllers render ({@link #PAGES} names a visit for each mapping, and a new page mapping
 * that it does not name fails {@link #everyPageMappingIsVisited()}). Screenshots go to target/screenshots/a11y-*.png.
 */
class AccessibilityBrowserTests extends BrowserTests {

	/** Each page mapping and how it is visited (paths with {placeholders} filled in {@link #visit}). */
	private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("/", List.of("/"));
		PAGES.put("/login", List.of("/login", "/login?error"));
		PAGES.put("/error", List.of("/no-such-page", "/assessments/abc"));
		PAGES.put("/assess", List.of("/assess", "POST /assess (errors shown)"));
		PAGES.put("/assessments", List.of("/assessments"));
		PAGES.put("/assessments/{id}", List.of("/assessments/{id}", "/assessments/{national}"));
		PAGES.put("/assessments/compare", List.of("/assessments/compare?left={id}&right={national}"));
		PAGES.put("/list", List.of("/list"));
		PAGES.put("/list/{id}/{edition}", List.of("/list/tianjin-ftz/2024", "/list/cn-national/2024"));
		PAGES.put("/list/{id}/{edition}/items/{number}", List.of("/list/tianjin-ftz/2024/items/20"));
		PAGES.put("/list/{id}/{edition}/provisions/{provision}", List.of("{provision}"));
		PAGES.put("/ledger", List.of("/ledger"));
		PAGES.put("/ledger/{processor}", List.of("/ledger/a11y-bank"));
		PAGES.put("/scan", List.of("/scan"));
		PAGES.put("/scan/{id}", List.of("POST /scan (a report)"));
		PAGES.put("/filings", List.of("/filings"));
		PAGES.put("/filings/{id}", List.of("/filings/{filing}"));
		PAGES.put("/deadlines", List.of("/deadlines"));
		PAGES.put("/admin/users", List.of("/admin/users"));
		PAGES.put("/admin/audit", List.of("/admin/audit"));
		PAGES.put("/admin/packs", List.of("/admin/packs"));
		PAGES.put("/admin/packs/check/{id}", List.of("POST /admin/packs/check (a preview)"));
		PAGES.put("/admin/orgs", List.of("/admin/orgs"));
		PAGES.put("/reports", List.of("/reports"));
		// the zone's pages, seen by a REGULATOR ("R " below)
		PAGES.put("/zone/statistics", List.of("R /zone/statistics"));
		PAGES.put("/zone/reports", List.of("R /zone/reports"));
		PAGES.put("/zone/reports/{id}", List.of("R /zone/reports/{report}"));
		PAGES.put("/zone/editions", List.of("R /zone/editions"));
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private long assessment;

	private long national;

	private String filing;

	private String report;

	@BeforeAll
	void storeWhatThePagesShow() {
		this.assessment = json(post("/api/v1/assessments?title=a11y", Role.ANALYST, bankScenario())).get("id").asLong();
		this.national = json(post("/api/v1/assessments?title=a11y-national", Role.ANALYST, bankScenario()
			.replace("\"tianjin-ftz\"", "\"cn-national\"")
			.replace("[{\"item\": 20, \"description\": \"loan ledger\", \"facts\": {\"affectedCustomers\": 1200000}}]", "[]")))
			.get("id")
			.asLong();
		this.filing = json(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + this.assessment + "}")).get("id")
			.asString();
		this.report = json(post("/api/v1/reports", Role.ANALYST,
				"{\"kind\": \"assessment\", \"id\": " + this.assessment + ", \"note\": \"a11y\"}")).get("id").asString();
		token(Role.REGULATOR);
		post("/api/v1/ledger/a11y-bank/events?date=2026-02-10&eventKey=a1&column=id_number&recipient=HK", Role.ANALYST,
				cn.outbound.app.ledger.LedgerApiIntegrationTests.csv(0, 300), "Content-Type", "text/csv");
	}

	@Test
	void everyPageMappingIsVisited() {
		Set<String> pages = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : this.mappings.getHandlerMethods().entrySet()) {
			if (isPage(e.getKey(), e.getValue())) {
				pages.addAll(e.getKey().getPatternValues());
			}
		}
		assertThat(pages).as("the pages the controllers render; add a visit to PAGES for a new one")
			.containsExactlyInAnyOrderElementsOf(PAGES.keySet());
	}

	/** A GET (or any-method) mapping of a {@code @Controller} that renders a template (a view name, not a body). */
	private static boolean isPage(RequestMappingInfo info, HandlerMethod handler) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
			return false;
		}
		Method m = handler.getMethod();
		Class<?> type = handler.getBeanType();
		boolean body = AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(m, ResponseBody.class);
		boolean view = m.getReturnType() == String.class || m.getReturnType() == Object.class;
		return AnnotatedElementUtils.hasAnnotation(type, Controller.class) && !body && view
				&& info.getParamsCondition().getExpressions().isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh", "en" })
	void everyPageHasNoSeriousOrCriticalViolation(String lang) throws Exception {
		List<String> problems = new ArrayList<>();
		this.driver.manage().deleteAllCookies();
		check("/login?lang=" + lang, lang, problems);
		check("/login?error&lang=" + lang, lang, problems);
		signIn(Role.ADMIN, lang);
		for (List<String> visits : PAGES.values()) {
			for (String visit : visits) {
				if (visit.startsWith("/login") || visit.startsWith("R ")) {
					continue;
				}
				visit(visit, lang, problems);
			}
		}
		// a regulator lands on the zone's pages, not on /assessments
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/login?lang=" + lang));
		type(By.id("username"), "regulator");
		type(By.id("password"), PASSWORD);
		click(By.id("login-submit"));
		wait(15).until(d -> d.getCurrentUrl().contains("/zone/"));
		for (List<String> visits : PAGES.values()) {
			for (String visit : visits) {
				if (visit.startsWith("R ")) {
					visit(visit.substring(2), lang, problems);
				}
			}
		}
		assertThat(problems).as("axe-core: serious or critical violations (%s)", lang).isEmpty();
	}

	private void visit(String visit, String lang, List<String> problems) throws Exception {
		switch (visit) {
			case "POST /assess (errors shown)" -> {
				open("/assess?lang=" + lang);
				setValue(By.id("date"), "2026-03-15");
				click(By.id("item-20"));
				type(By.id("fact.20.affectedCustomers"), "lots");
				type(By.id("pi-0-individuals"), "-3");
				click(By.id("decide"));
				waitFor(By.id("form-errors"));
				// each field's errors are tied to the field: its aria-describedby names them, and it is aria-invalid
				Object loose = this.driver.executeScript("""
						return Array.from(document.querySelectorAll('.field-errors')).filter(function (e) {
						  var f = document.querySelector('[aria-describedby~="' + e.id + '"]');
						  return !f || f.getAttribute('aria-invalid') !== 'true';
						}).map(function (e) { return e.id; });""");
				assertThat(this.driver.findElements(By.cssSelector(".field-errors"))).as("errors on the fields").hasSizeGreaterThan(1);
				assertThat((List<?>) loose).as("errors not tied to their field (%s)", lang).isEmpty();
				audit(visit, lang, problems);
			}
			case "POST /scan (a report)" -> {
				Path csv = Path.of("target", "a11y-loans.csv").toAbsolutePath();
				Files.writeString(csv, new ScanIntegrationTests.Customers().csv(), StandardCharsets.UTF_8);
				open("/scan?lang=" + lang);
				type(By.id("scan-description"), "loans");
				this.driver.findElement(By.id("scan-file")).sendKeys(csv.toString());
				click(By.id("scan-submit"));
				waitFor(By.id("scan-persons"));
				audit(visit, lang, problems);
			}
			case "POST /admin/packs/check (a preview)" -> {
				Path yaml = Path.of("target", "tianjin-ftz-2025-a11y.yaml").toAbsolutePath();
				try (var in = getClass().getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
					Files.writeString(yaml, new String(in.readAllBytes(), StandardCharsets.UTF_8)
						.replace("edition: \"2025-test\"", "edition: \"2025-a11y\""));
				}
				open("/admin/packs?lang=" + lang);
				this.driver.findElement(By.id("pack-file")).sendKeys(yaml.toString());
				click(By.id("pack-check-submit"));
				waitFor(By.id("pack-preview"));
				audit(visit, lang, problems);
			}
			case "{provision}" -> {
				open("/list/cn-national/2024?lang=" + lang);
				String href = this.driver.findElement(By.cssSelector("a[href*='/provisions/']")).getAttribute("href");
				this.driver.get(href + (href.contains("?") ? "&" : "?") + "lang=" + lang);
				audit("/list/cn-national/2024/provisions/…", lang, problems);
			}
			default -> {
				String path = visit.replace("{id}", String.valueOf(this.assessment))
					.replace("{national}", String.valueOf(this.national))
					.replace("{filing}", this.filing)
					.replace("{report}", this.report);
				check(path + (path.contains("?") ? "&" : "?") + "lang=" + lang, lang, problems);
			}
		}
	}

	private void check(String path, String lang, List<String> problems) throws Exception {
		this.driver.get(url(path));
		audit(path, lang, problems);
	}

	/** Runs axe-core on the page as it is; each serious or critical violation becomes one line of problems. */
	private void audit(String page, String lang, List<String> problems) throws Exception {
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).as(page)
			.isEqualTo("zh".equals(lang) ? "zh-CN" : "en");
		String name = page.replaceAll("[?&]lang=(zh|en)", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
		screenshot("a11y-" + lang + "-" + (name.isEmpty() ? "home" : name) + ".png");
		long start = System.nanoTime();
		// legacy mode: axe runs in the page itself (no second window to finish in; the pages have no frames)
		AxeBuilder axe = new AxeBuilder().setLegacyMode(true).disableIframeTesting();
		axe.setOptions("{\"resultTypes\": [\"violations\"]}");
		Results results = axe.analyze(this.driver);
		System.out.printf("axe-core %s [%s]: %d ms, %d violations%n", page, lang, (System.nanoTime() - start) / 1_000_000,
				results.getViolations().size());
		assertThat(results.getErrorMessage()).as("axe-core ran on %s", page).isNull();
		for (Rule rule : results.getViolations()) {
			if (!"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact())) {
				continue;
			}
			for (CheckedNode node : rule.getNodes()) {
				problems.add(page + " [" + lang + "] " + rule.getId() + " (" + rule.getImpact() + ") " + node.getTarget()
						+ ": " + rule.getHelp() + " — " + node.getFailureSummary());
			}
		}
	}

}
