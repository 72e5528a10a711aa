package org.onestop;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A CSRF token sent the way a browser sends OneStop's: the token in the
 * {@code XSRF-TOKEN} cookie and its masked form in the {@code _csrf} field.
 * <p>
 * Use this, not Spring Security's {@code SecurityMockMvcRequestPostProcessors.csrf()}:
 * that one swaps the shared filter's cookie repository for a session-backed one, for the
 * rest of the context's life. Every later test, the browser tests over real HTTP
 * included, would then run against session-stored tokens, and a page that writes a
 * session for an anonymous visitor would go unnoticed. ArchitectureTests refuses it.
 */
public final class Csrf {

	private static final String COOKIE = "XSRF-TOKEN";

	private Csrf() {
	}

	public static RequestPostProcessor csrf() {
		return request -> {
			CsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
			Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
			request.setCookies(
					Stream
						.concat(Arrays.stream(cookies).filter(c -> !COOKIE.equals(c.getName())),
								Stream.of(new Cookie(COOKIE, token.getToken())))
						.toArray(Cookie[]::new));
			// The same handler as the pages chain masks the token, as the form would.
			new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
			CsrfToken masked = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			request.setParameter(token.getParameterName(), masked.getToken());
			request.removeAttribute(CsrfToken.class.getName());
			request.removeAttribute(token.getParameterName());
			return request;
		};
	}

}
