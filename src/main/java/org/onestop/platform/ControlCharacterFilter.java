package org.onestop.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters in request parameters (query string, form posts, multipart text
 * fields): refused on the API, stripped on pages (see {@link ControlCharacters}). A
 * filter rather than an interceptor, because the sign-in form is read by the security
 * filters, ahead of any controller. JSON bodies are checked by
 * {@link ControlCharacterBodyAdvice}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlCharacterFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final UnreadableRequests unreadable;

	ControlCharacterFilter(ProblemResponses problems, UnreadableRequests unreadable) {
		this.problems = problems;
		this.unreadable = unreadable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException unparsable) {
			// Reading parameters parses a multipart body, on any URL and method: its
			// failures are the sender's.
			unreadable.multipart(request, response, unparsable);
			return;
		}
		Optional<String> parameter = ControlCharacters.firstParameterWith(parameters);
		if (parameter.isEmpty()) {
			chain.doFilter(request, response);
		}
		else if (ProblemAdvice.isApi(request)) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.detail.control-characters",
					parameter.get());
		}
		else {
			chain.doFilter(new Stripped(request), response);
		}
	}

	/**
	 * The request as the page sees it: every parameter without its control characters.
	 */
	private static final class Stripped extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		Stripped(HttpServletRequest request) {
			super(request);
			request.getParameterMap().forEach((name, values) -> {
				String[] kept = new String[values.length];
				for (int i = 0; i < values.length; i++) {
					kept[i] = ControlCharacters.strip(values[i]);
				}
				parameters.merge(ControlCharacters.strip(name), kept, (a, b) -> concat(a, b));
			});
		}

		private static String[] concat(String[] a, String[] b) {
			String[] both = Arrays.copyOf(a, a.length + b.length);
			System.arraycopy(b, 0, both, a.length, b.length);
			return both;
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

}
