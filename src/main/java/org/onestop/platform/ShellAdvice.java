package org.onestop.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.onestop.shared.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page controller's model the {@link Shell}. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

	private final Messages messages;

	private final PlatformProperties properties;

	private final UnreadCount inbox;

	private final StaffNavigation staffNavigation;

	private final Assets assets;

	ShellAdvice(Messages messages, PlatformProperties properties, ObjectProvider<UnreadCount> inbox,
			ObjectProvider<StaffNavigation> staffNavigation, Assets assets) {
		this.messages = messages;
		this.properties = properties;
		this.assets = assets;
		// Platform knows no business module: the inbox and the staff bar, when there are
		// ones, come in through these interfaces.
		this.inbox = inbox.getIfAvailable();
		this.staffNavigation = staffNavigation.getIfAvailable();
	}

	@ModelAttribute("shell")
	Shell shell(HttpServletRequest request, Locale locale) {
		return shellFor(request, locale, messages, properties, inbox, staffNavigation, assets);
	}

	static Shell shellFor(HttpServletRequest request, Locale locale, Messages messages, PlatformProperties properties,
			UnreadCount inbox, StaffNavigation staffNavigation, Assets assets) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		SignedInUser user = authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn
				? signedIn : null;
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return new Shell(locale, TextSize.large(request), user,
				(CsrfToken) request.getAttribute(CsrfToken.class.getName()), path.isEmpty() ? "/" : path,
				request.getQueryString(), messages, properties.timeZone(), inbox, staffNavigation, assets);
	}

}
