package org.onestop.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code onestop.max-json-bytes} before anything parses
 * them: by the declared length at once, and by counting for bodies sent without one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	RequestBodyLimit(PlatformProperties properties, ProblemResponses problems) {
		this.maxBytes = properties.maxJsonBytes();
		this.problems = problems;
	}

	/**
	 * JSON bodies only: uploads have their own, larger limit
	 * (spring.servlet.multipart.*).
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (bodiless(request)) {
			return true;
		}
		String type = request.getContentType();
		return !ProblemAdvice.isApi(request) || (type != null && type.toLowerCase().startsWith("multipart/"));
	}

	/**
	 * Whether a request comes without a body: HTTP/1.1 has one only when it declares a
	 * length or a transfer coding (RFC 9112, 6.3), so such a request has nothing to
	 * count, strip or refuse. Most requests are of this kind (every page view, every GET
	 * of the API), and the filters that guard bodies let them by without wrapping them.
	 */
	static boolean bodiless(HttpServletRequest request) {
		// Only for HTTP/1.x: an HTTP/2 request may carry a body with neither header.
		return request.getProtocol().startsWith("HTTP/1.") && request.getContentLengthLong() <= 0
				&& request.getHeader("Transfer-Encoding") == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.detail.too-large", maxBytes / 1024);
			return;
		}
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), maxBytes);
			}
			return stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long read;

		CountingStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > maxBytes) {
				throw new IOException("Request body exceeds " + maxBytes + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
