package org.onestop.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details in the caller's language, for controllers and for the
 * filters (security, body limits) that answer before any controller runs.
 */
@Component
public class ProblemResponses {

	private static final Languages LANGUAGES = new Languages();

	private final Messages messages;

	private final ObjectMapper json;

	ProblemResponses(Messages messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public ProblemDetail problem(Locale locale, HttpStatus status, String detailKey, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.get(locale, "problem.title." + status.value()));
		problem.setDetail(messages.get(locale, detailKey, args));
		return problem;
	}

	ProblemDetail problem(Locale locale, ProblemException ex) {
		ProblemDetail problem = problem(locale, ProblemAdvice.status(ex), ex.detailKey(), ex.args());
		if (!ex.fields().isEmpty()) {
			withErrors(problem,
					ex.fields()
						.stream()
						.map(f -> Map.of("field", f.field(), "message", messages.get(locale, f.messageKey(), f.args())))
						.toList());
		}
		ex.extensions().forEach(problem::setProperty);
		return problem;
	}

	static void withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
		problem.setProperty("errors", errors);
	}

	/**
	 * Writes a problem straight to the response, for code that runs outside Spring MVC.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
			Object... args) throws IOException {
		ProblemDetail problem = problem(LANGUAGES.resolveLocale(request), status, detailKey, args);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
