package org.onestop.assistant;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.identity.OneStopUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The assistant's controller parameters: the {@link Conversation.Asker} of a request (an
 * API request's from its conversation token and an existing session, a page request's
 * from its session; never a new session), and the {@link AssistantPages.Cursor} where a
 * conversation page stands.
 */
@Configuration(proxyBeanMethods = false)
class AssistantArguments implements WebMvcConfigurer {

	static {
		// Resolved from the request, not sent by clients as such: kept out of the API
		// documentation.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Conversation.Asker.class, AssistantPages.Cursor.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AskerResolver());
		resolvers.add(new CursorResolver());
	}

	/**
	 * As {@code @AuthenticationPrincipal OneStopUser} resolves it: null unless a user is
	 * signed in.
	 */
	private static OneStopUser user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof OneStopUser user ? user : null;
	}

	private static final class AskerResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Conversation.Asker.class;
		}

		@Override
		public Conversation.Asker resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest webRequest, WebDataBinderFactory binders) {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/") ? OwnerKeys.apiAsker(user(), request)
					: OwnerKeys.asker(user(), request, false);
		}

	}

	private static final class CursorResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == AssistantPages.Cursor.class;
		}

		@Override
		public AssistantPages.Cursor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			// As @RequestParam(defaultValue = "0") long after reads it: a word is a bad
			// request (400).
			String after = request.getParameter("after");
			long line = after == null || after.isEmpty() ? 0
					: binders.createBinder(request, null, "after").convertIfNecessary(after, Long.class);
			String state = request.getParameter("state");
			return new AssistantPages.Cursor(line, state == null ? "" : state, request.getHeader("HX-Request") != null);
		}

	}

}
