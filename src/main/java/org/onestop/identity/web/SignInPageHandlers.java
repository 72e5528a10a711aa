package org.onestop.identity.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.signin.SignInLockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * After the sign-in form: back to the page that asked for it, else the citizen's account
 * or the staff home; on failure, back to the form with the reason (and the end of a
 * lock).
 */
@Component
class SignInPageHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String FAILURE = SignInPageHandlers.class.getName() + ".failure";

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	/**
	 * Why the last attempt failed, kept in the session for the next rendering of the form
	 * only.
	 */
	record Failure(String username, String messageKey, Instant lockedUntil) implements Serializable {
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		String target = authentication.getPrincipal() instanceof OneStopUser user && user.staff() ? "/staff"
				: "/account";
		if (saved != null) {
			target = saved.getRedirectUrl();
		}
		response.sendRedirect(target);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		Failure failure;
		if (exception instanceof SignInLockedException locked) {
			failure = new Failure(username, locked.everywhere() ? "identity.sign-in.slowed" : "identity.sign-in.locked",
					locked.until());
		}
		else if (exception instanceof DisabledException) {
			failure = new Failure(username, "identity.sign-in.disabled", null);
		}
		else {
			failure = new Failure(username, "identity.sign-in.failed", null);
		}
		request.getSession().setAttribute(FAILURE, failure);
		response.sendRedirect(request.getContextPath() + "/sign-in?error");
	}

}
