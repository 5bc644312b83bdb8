package cn.outbound.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3 document ({@code /api/openapi.json}) and the interactive page that renders it ({@code /api/docs}),
 * both served from the jar: no internet needed.
 */
@RestController
class ApiDocsController {

	private final String openApi;

	private final String page;

	ApiDocsController() throws IOException {
		this.openApi = read("api/openapi.json");
		this.page = read("api/docs.html");
	}

	@GetMapping("/api/openapi.json")
	ResponseEntity<String> openApi() {
		return ResponseEntity.ok().contentType(Problems.JSON).cacheControl(CacheControl.noCache()).body(this.openApi);
	}

	@GetMapping({ "/api/docs", "/api/docs/" })
	ResponseEntity<String> docs() {
		return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(this.page);
	}

	private static String read(String name) throws IOException {
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
