package cn.outbound.app.decision;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.source.Node;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/decisions}: a scenario in, its decision out (spec outbound/decision/v1); nothing is stored.
 */
@RestController
class DecisionController {

	private final Deciding deciding;

	private final OutboundSettings settings;

	DecisionController(Deciding deciding, OutboundSettings settings) {
		this.deciding = deciding;
		this.settings = settings;
	}

	@PostMapping("/api/v1/decisions")
	ResponseEntity<String> decide(HttpServletRequest request) {
		Bodies.requireJson(request);
		byte[] body = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		Node root = Deciding.parse(body);
		Decision decision = this.deciding.decide(this.deciding.read(root, root));
		return ResponseEntity.ok()
			.contentType(Problems.JSON)
			.body(DecisionJson.compact(DecisionJson.toJson(decision)));
	}

}
