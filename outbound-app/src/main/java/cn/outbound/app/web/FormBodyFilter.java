package cn.outbound.app.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a form body ({@code application/x-www-form-urlencoded}: sign-in and every page form) whole, under the same
 * size limit (413) and deadline (408) as the API's JSON bodies, before any other filter parses its parameters. Without
 * it the security filters read form parameters with no deadline, and clients that trickle a byte now and then could
 * hold every worker thread. The request goes on with the body in memory and its parameters parsed.
 */
public final class FormBodyFilter extends OncePerRequestFilter {

	private static final String FORM = "application/x-www-form-urlencoded";

	private final long maxBytes;

	private final Duration timeout;

	public FormBodyFilter(long maxBytes, Duration timeout) {
		this.maxBytes = maxBytes;
		this.timeout = timeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !type.regionMatches(true, 0, FORM, 0, FORM.length())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = Bodies.read(request, this.maxBytes, System.nanoTime() + this.timeout.toNanos());
		}
		catch (ApiProblem problem) {
			// the rest of the body is not waited for
			response.setHeader("Connection", "close");
			Problems.write(response, request, problem);
			return;
		}
		chain.doFilter(new FormRequest(request, body), response);
	}

	/** The request with its form body read: parameters from the query string, then from the body. */
	static final class FormRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private final Map<String, String[]> parameters;

		FormRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			Charset charset = charset(request);
			Map<String, List<String>> all = new LinkedHashMap<>();
			parse(request.getQueryString(), StandardCharsets.UTF_8, all);
			parse(new String(body, charset), charset, all);
			Map<String, String[]> out = new LinkedHashMap<>();
			all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(out);
		}

		private static Charset charset(HttpServletRequest request) {
			try {
				return (request.getCharacterEncoding() != null) ? Charset.forName(request.getCharacterEncoding())
						: StandardCharsets.UTF_8;
			}
			catch (RuntimeException ex) {
				return StandardCharsets.UTF_8;
			}
		}

		private static void parse(String text, Charset charset, Map<String, List<String>> into) {
			if (text == null || text.isEmpty()) {
				return;
			}
			for (String pair : text.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				try {
					String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), charset);
					String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
					into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
				}
				catch (IllegalArgumentException ex) {
					// a malformed escape: the pair is left out, as Tomcat does
				}
			}
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values.clone() : null;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("the form body has already been read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset((HttpServletRequest) getRequest())));
		}

	}

}
