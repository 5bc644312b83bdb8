package cn.outbound.app.web;

import java.io.IOException;
import java.io.Writer;

import cn.outbound.rules.render.Json;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat itself answers for a request it refuses before any servlet sees it (a header over the size limit, an
 * encoded {@code /} or {@code \} in the path, a malformed request line): a problem document under {@code /api} and for
 * callers that ask for JSON, a short page otherwise, with the app's security headers. Never Tomcat's own HTML page,
 * its version or a stack trace.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public int getOrder() {
		// after Spring Boot's own customizer, which adds the stock ErrorReportValve
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			// the host adds an error report valve of this class when it starts, unless one is there already
			if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
				host.setErrorReportValveClass(ProblemValve.class.getName());
			}
			var pipeline = context.getParent().getPipeline();
			for (Valve v : pipeline.getValves()) {
				if (v instanceof ErrorReportValve && !(v instanceof ProblemValve)) {
					pipeline.removeValve(v);
				}
			}
			pipeline.addValve(new ProblemValve());
		});
	}

	/** The host's error report: problem+json or a plain page. */
	public static final class ProblemValve extends ErrorReportValve {

		public ProblemValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			// the path as sent: a refused request was never decoded
			String uri = String.valueOf(request.getCoyoteRequest().requestURI());
			String accept = request.getHeader("Accept");
			boolean api = uri.startsWith("/api/")
					|| (accept != null && accept.contains("json") && !accept.contains("html"));
			try {
				response.setCharacterEncoding("UTF-8");
				response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
				response.setHeader("Referrer-Policy", "no-referrer");
				response.setHeader("X-Content-Type-Options", "nosniff");
				String body;
				if (api) {
					response.setContentType(Problems.PROBLEM_JSON.toString());
					body = Json.compact(Problems.body(problem(status), null));
				}
				else {
					response.setContentType("text/html;charset=UTF-8");
					body = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>" + status
							+ "</title><body><h1>" + status + "</h1><p>请求无法处理。The request could not be handled.</p>"
							+ "<p><a href=\"/\">Outbound</a></p></body></html>";
				}
				Writer w = response.getReporter();
				if (w != null) {
					w.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response cannot be written: nothing more to do
			}
		}

		static ApiProblem problem(int status) {
			return switch (status) {
				case 400 -> new ApiProblem(400, "bad-request", "Bad request",
						"The request was refused before it reached the application: a malformed request line or header, "
								+ "or an encoded '/' or '\\\\' in the path, which is not allowed.");
				case 404 -> ApiProblem.notFound("Nothing at this address.");
				case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
						"This method is not supported here.");
				case 413 -> Problems.tooLarge(1_048_576);
				case 414, 431 -> new ApiProblem(status, "request-too-large", "Request too large",
						"The request line or its headers are larger than the server accepts (16 KB).");
				default -> new ApiProblem(status, (status < 500) ? "bad-request" : "internal-error",
						(status < 500) ? "Bad request" : "Internal error",
						(status < 500) ? "The request could not be understood."
								: "The server could not complete the request.");
			};
		}

	}

}
