package org.onestop.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. */
@RestController
class MeApiController {

	private final Departments departments;

	private final Registries registries;

	MeApiController(Departments departments, Registries registries) {
		this.departments = departments;
		this.registries = registries;
	}

	/** Who used my data: every read of the citizen's registry data, newest first. */
	@GetMapping("/api/v1/me/data-access")
	@PreAuthorize("hasRole('CITIZEN')")
	List<DataAccessView> dataAccess(@AuthenticationPrincipal OneStopUser user, Locale locale) {
		return DataAccessView.of(registries.accessLog(new ResidentIdNumber(user.idNumber()), 200), user.username(),
				registries, departments, locale);
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
