package org.onestop.identity.mandate;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request act for someone: after sign-in, the {@code On-Behalf-Of} header (API) or
 * the "acting for" choice in the web session (pages) is checked against the database, and
 * the request's principal becomes the grantor acted for by the caller, for this request
 * only: the security context in the session keeps the caller themselves. What acting does
 * not allow answers 403, whatever the page would have shown.
 */
public class OnBehalfFilter extends OncePerRequestFilter {

	/** The API's header naming the grantor by ID number. */
	public static final String HEADER = "On-Behalf-Of";

	/** The web session's attribute holding the grantor's ID number while acting. */
	static final String SESSION_ATTRIBUTE = "onestop.actingFor";

	private final Acting acting;

	private final ProblemResponses problems;

	private final boolean api;

	private OnBehalfFilter(Acting acting, ProblemResponses problems, boolean api) {
		this.acting = acting;
		this.problems = problems;
		this.api = api;
	}

	/** For the API's chain: the header. */
	public static OnBehalfFilter api(Acting acting, ProblemResponses problems) {
		return new OnBehalfFilter(acting, problems, true);
	}

	/** For the pages' chain: the session's choice. */
	public static OnBehalfFilter pages(Acting acting, ProblemResponses problems) {
		return new OnBehalfFilter(acting, problems, false);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page of a request acted for shows the banner too.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String grantor = api ? request.getHeader(HEADER) : chosen(request);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (grantor == null || authentication == null
				|| !(authentication.getPrincipal() instanceof OneStopUser caller)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		ActingPaths.Verdict verdict = api ? ActingPaths.api(request.getMethod(), path)
				: ActingPaths.page(request.getMethod(), path);
		if (verdict == ActingPaths.Verdict.SELF && !api) {
			chain.doFilter(request, response);
			return;
		}
		if (caller.staff()) {
			refuse(request, response, "mandate.refused.staff");
			return;
		}
		Optional<OneStopUser> acted = acting.actFor(caller, grantor);
		if (acted.isEmpty()) {
			if (!api) {
				// Revoked or expired: the choice goes, the request is refused.
				request.getSession().removeAttribute(SESSION_ATTRIBUTE);
			}
			refuse(request, response, "mandate.refused.no-right");
			return;
		}
		if (verdict != ActingPaths.Verdict.ACT) {
			refuse(request, response, "mandate.refused.not-allowed");
			return;
		}
		String matter = ActingPaths.matter(path);
		if (matter != null && !acted.get().mayActOn(matter)) {
			refuse(request, response, "mandate.refused.out-of-scope");
			return;
		}
		SecurityContext own = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(new UsernamePasswordAuthenticationToken(acted.get(), null, acted.get().authorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.setContext(own);
		}
	}

	private static String chosen(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
		if (api) {
			problems.write(request, response, HttpStatus.FORBIDDEN, key);
		}
		else {
			response.sendError(HttpStatus.FORBIDDEN.value());
		}
	}

}
