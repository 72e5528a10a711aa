package org.onestop.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Large-text (elder-friendly, 长辈版) mode, remembered in a cookie so that it holds on every
 * page and across visits, signed in or not.
 */
final class TextSize {

	static final String COOKIE = "onestop_text";

	private TextSize() {
	}

	static boolean large(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return "large".equals(cookie.getValue());
			}
		}
		return false;
	}

	static void remember(HttpServletResponse response, boolean large) {
		Cookie cookie = new Cookie(COOKIE, large ? "large" : "standard");
		cookie.setPath("/");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

}
