package org.onestop.platform;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests no browser sends — a multipart body that cannot be parsed (a NUL in a file
 * name, too many parts, no boundary), raw bytes in a header that Spring Security's
 * firewall refuses — are the sender's fault: 400 (413 when too large) in the app's words,
 * a problem on the API and the error page elsewhere, with one log line and no stack trace
 * (a trace per anonymous request would let anyone fill the disk). Spring Security picks
 * this bean up for what its firewall rejects in the filter chain; {@link ProblemAdvice}
 * and {@link ControlCharacterFilter} use it for the same failures met later.
 */
@Component
class UnreadableRequests implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

	private final ProblemResponses problems;

	UnreadableRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		log.warn("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), shown(ex));
		answer(request, response, HttpStatus.BAD_REQUEST, "problem.detail.400");
	}

	/** A multipart body that Tomcat or Spring could not read. */
	void multipart(HttpServletRequest request, HttpServletResponse response, RuntimeException ex) throws IOException {
		HttpStatus status = tooLarge(ex) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
		log.warn("Unreadable multipart body on {} {}: {}", request.getMethod(), request.getRequestURI(), shown(ex));
		// The error page's dispatch must not try to parse the body again
		// (DispatcherServlet skips it for this).
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex instanceof MultipartException known ? known
				: new MultipartException("Unreadable multipart body", ex));
		answer(request, response, status,
				status == HttpStatus.PAYLOAD_TOO_LARGE ? "problem.detail.413" : "problem.detail.multipart");
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (ProblemAdvice.isApi(request)) {
			problems.write(request, response, status, key);
		}
		else {
			response.sendError(status.value());
		}
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeException || cause instanceof MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The innermost message, without the control characters or raw bytes an attacker put
	 * in it, and short.
	 */
	private static String shown(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getClass().getSimpleName() + ": " + root.getMessage();
		StringBuilder shown = new StringBuilder();
		message.chars().limit(200).forEach(c -> shown.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
		return shown.toString();
	}

}
