package org.onestop.platform;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Which page of a list the caller asked for ({@code ?page=}, from 0): a controller takes
 * a {@code PageNumber} parameter instead of parsing the text itself. Anything but a whole
 * number from 0 to {@value #MAX} is refused beside the {@code page} field, in the
 * caller's language.
 */
public record PageNumber(int value) {

	public static final int MAX = 10_000;

	/**
	 * Left out or empty is the first page; blanks, signs and anything else are refused.
	 */
	public static PageNumber parse(String page) {
		if (page == null || page.isEmpty()) {
			return new PageNumber(0);
		}
		try {
			int n = Integer.parseInt(page.strip());
			if (n >= 0 && n <= MAX) {
				return new PageNumber(n);
			}
		}
		catch (NumberFormatException ex) {
			// refused below, as any other number out of range
		}
		throw new InvalidInputException("page", "platform.page.invalid", 0, MAX);
	}

	/**
	 * Resolves {@code PageNumber} controller parameters from the {@code page} query
	 * parameter.
	 */
	static class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == PageNumber.class;
		}

		@Override
		public PageNumber resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			String[] pages = request.getParameterValues("page");
			if (pages != null && pages.length > 1) {
				// ?page=1&page=abc: which one was meant cannot be told, so neither is
				// taken.
				throw new InvalidInputException("page", "platform.page.invalid", 0, MAX);
			}
			return parse(pages == null ? null : pages[0]);
		}

	}
}
