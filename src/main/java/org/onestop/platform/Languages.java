package org.onestop.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The two languages OneStop speaks: Chinese first, English beside it. A page visitor's
 * choice is kept in a cookie; otherwise (and always for API clients)
 * {@code Accept-Language} decides, and anything we do not speak falls back to Chinese.
 */
final class Languages implements LocaleResolver {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	static final Locale ENGLISH = Locale.ENGLISH;
	static final String COOKIE = "onestop_lang";

	private static final String CHOSEN = Languages.class.getName() + ".chosen";

	private static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		// The page that switches language must already speak the new one: the cookie only
		// comes with the next request.
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		try {
			Cookie[] cookies = request.getCookies();
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (COOKIE.equals(cookie.getName())) {
						return fromTag(cookie.getValue());
					}
				}
			}
			String header = request.getHeader("Accept-Language");
			if (!StringUtils.hasText(header)) {
				return CHINESE;
			}
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String language = range.getRange().split("-")[0];
				if (language.equals("zh")) {
					return CHINESE;
				}
				if (language.equals("en")) {
					return ENGLISH;
				}
			}
		}
		catch (RuntimeException ex) {
			// A malformed header, or raw bytes the security firewall refuses on reading
			// (RequestRejectedException), is
			// no reason to fail the request — and an error page must be able to pick its
			// language.
		}
		return CHINESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = locale == null ? CHINESE : fromTag(locale.toLanguageTag());
		request.setAttribute(CHOSEN, chosen);
		Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
		cookie.setPath("/");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	static Locale fromTag(String tag) {
		return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : CHINESE;
	}

	static List<Locale> supported() {
		return SUPPORTED;
	}

}
