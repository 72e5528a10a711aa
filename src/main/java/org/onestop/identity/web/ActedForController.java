package org.onestop.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.ActedFor;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.Messages;
import org.onestop.platform.PageNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "代办记录": what representatives did for the signed-in citizen. Only the citizen themselves
 * reads it; a representative acting for them is refused, since the record also names the
 * other people acting for the same citizen.
 */
@Controller
class ActedForController {

	private final ActedFor actedFor;

	private final Messages messages;

	ActedForController(ActedFor actedFor, Messages messages) {
		this.actedFor = actedFor;
		this.messages = messages;
	}

	@GetMapping("/account/acted-for-me")
	@PreAuthorize("hasRole('CITIZEN')")
	String page(@AuthenticationPrincipal OneStopUser user, PageNumber page, Model model) {
		model.addAttribute("page", ActedForPages.ActedForPage.of(actedFor.of(own(user), page.value())));
		return "identity/acted-for-me";
	}

	@GetMapping("/api/v1/me/acted-for-me")
	@PreAuthorize("hasRole('CITIZEN')")
	@ResponseBody
	Map<String, Object> api(@AuthenticationPrincipal OneStopUser user, PageNumber page, Locale locale) {
		ActedFor.Page found = actedFor.of(own(user), page.value());
		List<Map<String, Object>> items = found.entries().stream().map(e -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("at", e.at());
			item.put("representative", Map.of("username", e.representative(), "name", e.representativeName()));
			item.put("kind", e.kind());
			item.put("what", messages.get(locale, e.what(), e.arguments().toArray()));
			item.put("link", e.link());
			return item;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("page", found.page());
		body.put("hasNext", found.hasNext());
		return body;
	}

	private static String own(OneStopUser user) {
		if (user.represented()) {
			throw new ForbiddenException("acting.record.own-only");
		}
		return user.username();
	}

}
