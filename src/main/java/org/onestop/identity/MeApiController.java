package org.onestop.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. */
@RestController
class MeApiController {

	private final Departments departments;

	MeApiController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping("/api/v1/me")
	Map<String, Object> me(@AuthenticationPrincipal OneStopUser user, Locale locale) {
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("username", user.username());
		me.put("displayName", user.displayName());
		me.put("kind", user.staff() ? "STAFF" : "CITIZEN");
		if (user.staff()) {
			departments.byCode(user.departmentCode())
				.ifPresent(d -> me.put("department", Map.of("code", d.code(), "name", d.name(locale))));
			me.put("roles", user.roles().stream().sorted().toList());
		}
		else {
			me.put("idNumber", user.idNumber());
		}
		return me;
	}
}
