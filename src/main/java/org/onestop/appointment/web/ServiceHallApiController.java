package org.onestop.appointment.web;

import org.onestop.appointment.ServiceHalls;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the halls are, for anyone. */
@RestController
class ServiceHallApiController {

	private final ServiceHalls halls;

	ServiceHallApiController(ServiceHalls halls) {
		this.halls = halls;
	}

	@GetMapping("/api/v1/service-halls")
	List<Map<String, String>> halls(Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return halls.all().stream()
			.map(h -> Map.of("code", h.code(), "name", english ? h.nameEn() : h.nameZh(), "address",
					english ? h.addressEn() : h.addressZh(), "phone", h.phone(), "openingHours", h.openingHours()))
			.toList();
	}
}
