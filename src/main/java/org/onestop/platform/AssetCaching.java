package org.onestop.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cache headers for static files, which skip the security chain (and so its headers): a
 * content-hashed URL never changes, so browsers and proxies keep it a year; a plain path
 * (a module script's own import, an old page) is asked again each time and answered 304
 * when unchanged (Last-Modified), so that a release is never hidden behind a stale copy.
 */
class AssetCaching implements HandlerInterceptor {

	static final String IMMUTABLE = "max-age=31536000, public, immutable";

	static final String REVALIDATE = "no-cache";

	private final Assets assets;

	AssetCaching(Assets assets) {
		this.assets = assets;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader(HttpHeaders.CACHE_CONTROL, assets.current(path) ? IMMUTABLE : REVALIDATE);
		// The security chain's headers do not reach these: the one that matters for a
		// file is this.
		response.setHeader("X-Content-Type-Options", "nosniff");
		return true;
	}

}
