package org.onestop.identity.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.onestop.platform.LocalPath;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where to go back to after sign-in. A page someone opened is remembered as it is (the
 * given cache decides which). A form sent after the session ran out (a long form, typed
 * slowly) is remembered as the page it was sent from, so that the citizen signs in and is
 * back at their form, where the browser puts back what they typed (issue 15, no time-outs
 * that lose what was typed). Never the form's own address, which may answer only a post,
 * and never an htmx request, which is no page.
 */
class PageRequestCache implements RequestCache {

	private final RequestCache pages;

	PageRequestCache(RequestCache pages) {
		this.pages = pages;
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if (HttpMethod.POST.matches(request.getMethod()) && request.getHeader("HX-Request") == null) {
			URI from = sentFrom(request);
			if (from != null) {
				pages.saveRequest(new PageOf(request, from), response);
			}
			return;
		}
		pages.saveRequest(request, response);
	}

	/** The page of this site the form was on, from the Referer; null when unknown. */
	private static URI sentFrom(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = new URI(referer);
			boolean here = request.getServerName().equalsIgnoreCase(uri.getHost())
					&& request.getServerPort() == (uri.getPort() == -1 ? request.getServerPort() : uri.getPort());
			String path = uri.getRawPath();
			return here && LocalPath.isLocal(path) && path.startsWith(request.getContextPath()) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		return pages.getRequest(request, response);
	}

	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return pages.getMatchingRequest(request, response);
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		pages.removeRequest(request, response);
	}

	/** The request as if the page the form was on had been asked for. */
	private static final class PageOf extends HttpServletRequestWrapper {

		private final URI page;

		PageOf(HttpServletRequest request, URI page) {
			super(request);
			this.page = page;
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

		@Override
		public String getRequestURI() {
			return page.getRawPath();
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer();
			url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort());
			return url.append(page.getRawPath());
		}

		@Override
		public String getServletPath() {
			return page.getRawPath().substring(getContextPath().length());
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return page.getRawQuery();
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.emptyMap();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
