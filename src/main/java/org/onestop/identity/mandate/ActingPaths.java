package org.onestop.identity.mandate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.AntPathMatcher;

/**
 * What a representative may reach while acting: the citizen's own services (forms,
 * drafts, applications, appointments, documents, notifications, tickets, who they are).
 * Everything else is refused, so that a new endpoint is closed to representatives until
 * it is opened here: granting mandates onward, the password, the phone, signing out
 * everywhere, the account's data-access pages, and every staff endpoint.
 */
final class ActingPaths {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private static final Pattern MATTER = Pattern.compile("^(?:/api/v1)?/services/([^/]+)/(?:form|apply|book)$");

	private ActingPaths() {
	}

	enum Verdict {

		/** Served as the grantor. */
		ACT,
		/**
		 * Served as the representative themselves (pages only: leaving, language, text
		 * size).
		 */
		SELF,
		/** Refused while acting. */
		REFUSE

	}

	private record Rule(String method, String pattern) {

		boolean matches(String requestMethod, String path) {
			return (method == null || method.equals(requestMethod)) && PATHS.match(pattern, path);
		}

	}

	private static final List<Rule> API = List.of(new Rule("GET", "/api/v1/me"), new Rule(null, "/api/v1/me/documents"),
			new Rule(null, "/api/v1/me/documents/**"), new Rule(null, "/api/v1/me/notifications"),
			new Rule(null, "/api/v1/me/notifications/**"), new Rule(null, "/api/v1/applications"),
			new Rule(null, "/api/v1/applications/**"), new Rule(null, "/api/v1/appointments"),
			new Rule(null, "/api/v1/appointments/**"), new Rule("GET", "/api/v1/services/**"),
			new Rule("GET", "/api/v1/life-events/**"), new Rule("GET", "/api/v1/halls/**"),
			new Rule(null, "/api/v1/tickets/**"));

	private static final List<Rule> PAGES_ACT = List.of(new Rule("GET", "/"), new Rule("GET", "/error"),
			new Rule(null, "/error"), new Rule(null, "/services/*/apply"), new Rule(null, "/services/*/book"),
			new Rule("GET", "/services"), new Rule("GET", "/services/**"), new Rule("GET", "/search"),
			new Rule("GET", "/life-events/**"), new Rule("GET", "/notices/**"), new Rule("GET", "/notices"),
			new Rule(null, "/applications"), new Rule(null, "/applications/**"), new Rule(null, "/appointments"),
			new Rule(null, "/appointments/**"), new Rule(null, "/account/documents"),
			new Rule(null, "/account/documents/**"), new Rule(null, "/inbox"), new Rule(null, "/inbox/**"),
			new Rule(null, "/tickets/**"), new Rule("GET", "/halls"), new Rule("GET", "/halls/**"),
			new Rule("GET", "/privacy"), new Rule("GET", "/accessibility"), new Rule("GET", "/contact"),
			new Rule("GET", "/verify"), new Rule("GET", "/verify/**"), new Rule("GET", "/complaints/figures"));

	// Leaving, the language and the text size are the representative's own; so is the
	// assistant, so that a person is one step away whatever happens; the static assets
	// need no principal at all.
	private static final List<Rule> PAGES_SELF = List.of(new Rule("POST", "/account/acting/stop"),
			new Rule(null, "/assistant"), new Rule(null, "/assistant/**"), new Rule("POST", "/sign-out"),
			new Rule(null, "/preferences/**"), new Rule(null, "/css/**"), new Rule(null, "/js/**"),
			new Rule(null, "/webjars/**"), new Rule(null, "/assets/**"), new Rule(null, "/favicon.ico"));

	static Verdict api(String method, String path) {
		return API.stream().anyMatch(r -> r.matches(method, path)) ? Verdict.ACT : Verdict.REFUSE;
	}

	static Verdict page(String method, String path) {
		if (PAGES_SELF.stream().anyMatch(r -> r.matches(method, path))) {
			return Verdict.SELF;
		}
		return PAGES_ACT.stream().anyMatch(r -> r.matches(method, path)) ? Verdict.ACT : Verdict.REFUSE;
	}

	/** The matter a path is about, when its code is in the path; null otherwise. */
	static String matter(String path) {
		Matcher m = MATTER.matcher(path);
		return m.matches() ? m.group(1) : null;
	}

}
