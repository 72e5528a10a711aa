package org.onestop.platform;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends errors: a problem document for the API, a plain page
 * in the visitor's language for everything else.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ProblemResponses problems;

	ErrorPageController(ProblemResponses problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Asked for directly, /error is just a page that does not exist.
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
		}
		HttpStatus status = statusOf(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, status, "problem.detail." + known(status).value());
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("status", known(status).value());
		return "platform/error";
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	/** The statuses we have words for; anything else reads as the nearest general one. */
	static HttpStatus known(HttpStatus status) {
		return switch (status.value()) {
			case 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503 -> status;
			default -> status.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

}
