package org.onestop.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an RFC 9457 problem in the caller's language on the API, and
 * into the error page elsewhere. Stack traces and SQL stay in the server log.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final ProblemResponses problems;

	private final Messages messages;

	private final DatabaseOutage outage;

	private final UnreadableRequests unreadable;

	ProblemAdvice(ProblemResponses problems, Messages messages, DatabaseOutage outage, UnreadableRequests unreadable) {
		this.problems = problems;
		this.messages = messages;
		this.outage = outage;
		this.unreadable = unreadable;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> onProblem(ProblemException ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException {
		if (!isApi(request)) {
			response.sendError(status(ex).value());
			return null;
		}
		return ResponseEntity.status(status(ex)).body(problems.problem(locale, ex));
	}

	/** The one place where a kind of failure becomes an HTTP status. */
	static HttpStatus status(ProblemException ex) {
		return STATUSES.entrySet()
			.stream()
			.filter(kind -> kind.getKey().isInstance(ex))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No HTTP status for " + ex.getClass().getName()));
	}

	private static final Map<Class<? extends ProblemException>, HttpStatus> STATUSES = Map.of(NotFoundException.class,
			HttpStatus.NOT_FOUND, ConflictException.class, HttpStatus.CONFLICT, ForbiddenException.class,
			HttpStatus.FORBIDDEN, LimitExceededException.class, HttpStatus.TOO_MANY_REQUESTS,
			UnauthenticatedException.class, HttpStatus.UNAUTHORIZED, UnprocessableException.class,
			HttpStatus.UNPROCESSABLE_ENTITY, TooLargeException.class, HttpStatus.PAYLOAD_TOO_LARGE,
			InvalidInputException.class, HttpStatus.BAD_REQUEST, InvalidRequestException.class, HttpStatus.BAD_REQUEST);

	/** Security decides these: a missing sign-in is 401, a missing role 403. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrow(RuntimeException ex) {
		throw ex;
	}

	/**
	 * The firewall refuses some header values only when a controller first reads them.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	void onRejected(RequestRejectedException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		unreadable.handle(request, response, ex);
	}

	@ExceptionHandler(MultipartException.class)
	void onUnreadableMultipart(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		unreadable.multipart(request, response, ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> onUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException {
		if (DatabaseOutage.isCause(ex)) {
			outage.answer(request, response, ex);
			return null;
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		if (!isApi(request)) {
			response.sendError(500);
			return null;
		}
		return ResponseEntity.internalServerError()
			.body(problems.problem(locale, HttpStatus.INTERNAL_SERVER_ERROR, "problem.detail.500"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest webRequest) {
		HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
		if (!isApi(request)) {
			sendError(((ServletWebRequest) webRequest).getResponse(), statusCode);
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		ProblemDetail problem = problems.problem(locale, status, detailKey(ex, status));
		if (ex instanceof MethodArgumentNotValidException invalid) {
			ProblemResponses.withErrors(problem,
					invalid.getBindingResult()
						.getFieldErrors()
						.stream()
						.map(f -> Map.of("field", f.getField(), "message", messages.get(locale, f.getDefaultMessage())))
						.toList());
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	private static String detailKey(Exception ex, HttpStatus status) {
		if (ex instanceof MethodArgumentNotValidException) {
			return "problem.detail.validation";
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return "problem.detail.unreadable";
		}
		if (ex instanceof NoResourceFoundException) {
			return "problem.detail.404";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return "problem.detail.405";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "problem.detail.415";
		}
		if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
			return "problem.detail.413";
		}
		return status.is5xxServerError() ? "problem.detail.500" : "problem.detail.400";
	}

	private static void sendError(HttpServletResponse response, HttpStatusCode status) {
		try {
			if (response != null && !response.isCommitted()) {
				response.sendError(status.value());
			}
		}
		catch (IOException ex) {
			log.debug("Could not send error page", ex);
		}
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
