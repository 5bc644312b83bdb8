package cn.outbound.app.web;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import cn.outbound.rules.render.Json;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health} and {@code /api/health}: 200 when the database answers, 503 when it does not. Public.
 */
@RestController
class HealthController {

	private final DataSource dataSource;

	HealthController(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@GetMapping({ "/health", "/api/health" })
	ResponseEntity<String> health() {
		Map<String, Object> body = new LinkedHashMap<>();
		boolean up;
		try (Connection c = this.dataSource.getConnection()) {
			up = c.isValid(2);
		}
		catch (Exception ex) {
			up = false;
		}
		body.put("status", up ? "UP" : "DOWN");
		body.put("database", up ? "UP" : "DOWN");
		return ResponseEntity.status(up ? 200 : 503).contentType(Problems.JSON).body(Json.compact(body));
	}

}
