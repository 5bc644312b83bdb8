package cn.outbound.app.decision;

import java.io.IOException;
import java.io.OutputStream;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.Bodies;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.service.decision.Deciding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/decisions}: a scenario in, its decision out (spec outbound/decision/v1); nothing is stored.
 * The hot path of pipelines: the answer is written as UTF-8 bytes straight to the response.
 */
@RestController
class DecisionController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Deciding deciding;

	private final OutboundSettings settings;

	DecisionController(Deciding deciding, OutboundSettings settings, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.deciding = deciding;
		this.settings = settings;
	}

	@PostMapping("/api/v1/decisions")
	void decide(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.Authentication user) throws IOException, java.sql.SQLException {
		Bodies.requireJson(request);
		byte[] body = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		// #13: the prior counts of the caller's organisation's ledger
		Decision decision = this.deciding.decide(body, this.scopes.of(user).orgId());
		byte[] json = DecisionJson.compactUtf8(DecisionJson.toJson(decision));
		response.setStatus(200);
		response.setContentType("application/json;charset=UTF-8");
		response.setContentLength(json.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(json);
		}
	}

}
