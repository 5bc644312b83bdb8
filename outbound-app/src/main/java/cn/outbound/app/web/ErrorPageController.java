package cn.outbound.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the container shows when a request fails outside a controller: a problem document for the API, a short page
 * for a person. Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer i) ? i : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		String accept = request.getHeader("Accept");
		if (path.startsWith("/api/") || (accept != null && accept.contains("json") && !accept.contains("html"))) {
			ApiProblem p = switch (status) {
				case 401 -> Problems.unauthorized();
				case 403 -> Problems.forbidden();
				case 404 -> ApiProblem.notFound("Nothing at " + path);
				case 408 -> Problems.timeout();
				default -> ContainerErrors.ProblemValve.problem(status);
			};
			return Problems.entity(p, path);
		}
		model.addAttribute("status", status);
		model.addAttribute("expired", request.getAttribute(Problems.CSRF_REFUSED) != null);
		if (request.getAttribute(ApiExceptionHandler.PAGE_MESSAGE) instanceof Object[] m) {
			model.addAttribute("message", m);
		}
		return "error";
	}


}
