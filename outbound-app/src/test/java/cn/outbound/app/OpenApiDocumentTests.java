package cn.outbound.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI document describes every API route the server maps, with every method.
 */
class OpenApiDocumentTests extends ServerTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiRouteIsDocumented() {
		JsonNode paths = json(get("/api/openapi.json", null)).get("paths");
		List<String> missing = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> patterns = info.getPatternValues();
			for (String pattern : patterns) {
				if (!pattern.startsWith("/api/") || pattern.endsWith("/")) {
					continue;
				}
				String documented = pattern.replace("{number}", "{n}");
				JsonNode path = paths.get(documented);
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (path == null) {
					missing.add(pattern);
					continue;
				}
				for (RequestMethod m : methods) {
					if (!path.has(m.name().toLowerCase())) {
						missing.add(m + " " + pattern);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyDocumentedRouteExists() {
		JsonNode paths = json(get("/api/openapi.json", null)).get("paths");
		List<String> mapped = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach(i -> mapped.addAll(i.getPatternValues()));
		paths.propertyNames().forEach(p -> assertThat(mapped).as(p).contains(p.replace("{n}", "{number}")));
	}

}
