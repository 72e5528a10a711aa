package org.onestop.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * "The database cannot be reached right now", told honestly: 503 with
 * {@code Retry-After}, as a problem in the caller's language on the API and as a page
 * elsewhere, instead of a 500 and a stack trace per request. Both {@link ProblemAdvice}
 * (failures in controllers) and {@link DatabaseOutageFilter} (failures in filters: bearer
 * tokens, the JDBC session store, sign-in) answer through here. Nothing here touches the
 * database, so the answer itself cannot fail the same way.
 */
@Component
class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/**
	 * SQL states of a lost or refusing server: class 08 (connection exception),
	 * 57P01-57P03 (shut down, crashed, still starting), 53300 (no connection slot free)
	 * and 57014 (a statement cancelled, here by the statement timeout: the database is
	 * too busy or blocked to answer in time).
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

	private final ProblemResponses problems;

	private final Messages messages;

	private final PlatformProperties properties;

	private final TemplateEngine templates;

	private final Assets assets;

	private final long retryAfterSeconds;

	DatabaseOutage(ProblemResponses problems, Messages messages, PlatformProperties properties,
			TemplateEngine templates, DatabaseSettings settings, Assets assets) {
		this.problems = problems;
		this.assets = assets;
		this.messages = messages;
		this.properties = properties;
		this.templates = templates;
		this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
	}

	/**
	 * Whether this failure, or anything it wraps (Spring, Flowable, MyBatis), says the
	 * database is unreachable.
	 */
	static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
					|| t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/** Answers 503; when the response is already on its way, only the log hears of it. */
	void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
		log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), describe(failure));
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (ProblemAdvice.isApi(request)) {
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.detail.503");
			return;
		}
		page(request, response);
	}

	/**
	 * The error page, for nobody in particular: who is signed in would itself need the
	 * database.
	 */
	private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = new Languages().resolveLocale(request);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Shell shell = new Shell(locale, TextSize.large(request), null, null, path.isEmpty() ? "/" : path,
				request.getQueryString(), messages, properties.timeZone(), null, null, assets);
		StringOutput html = new StringOutput();
		templates.render("platform/error.jte", Map.of("shell", shell, "status", HttpStatus.SERVICE_UNAVAILABLE.value()),
				html);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(html.toString());
	}

	/**
	 * The innermost cause's type and message: enough to tell a refused connection from a
	 * timeout, without SQL.
	 */
	private static String describe(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
