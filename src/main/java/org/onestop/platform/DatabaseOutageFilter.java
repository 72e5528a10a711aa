package org.onestop.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside every filter that may touch the database (the JDBC session store, the security
 * chain with its bearer tokens and sign-in): a lost database there becomes the same 503
 * as in a controller, instead of reaching the container's error page, which would need
 * the database again to render.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseOutage outage;

	DatabaseOutageFilter(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseOutage.isCause(ex)) {
				throw ex;
			}
			outage.answer(request, response, ex);
		}
	}

}
