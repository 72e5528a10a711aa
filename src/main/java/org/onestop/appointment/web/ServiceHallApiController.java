package org.onestop.appointment.web;

import java.util.List;
import java.util.Locale;

import org.onestop.appointment.ServiceHall;
import org.onestop.appointment.ServiceHalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the halls are, for anyone. */
@RestController
class ServiceHallApiController {

	private final ServiceHalls halls;

	ServiceHallApiController(ServiceHalls halls) {
		this.halls = halls;
	}

	/** A hall as the API shows it, in the caller's language. */
	record HallView(String code, String name, String address, String phone, String openingHours) {

		static HallView of(ServiceHall hall, Locale locale) {
			boolean english = "en".equals(locale.getLanguage());
			return new HallView(hall.code(), english ? hall.nameEn() : hall.nameZh(),
					english ? hall.addressEn() : hall.addressZh(), hall.phone(), hall.openingHours());
		}
	}

	@GetMapping("/api/v1/service-halls")
	List<HallView> halls(Locale locale) {
		return halls.all().stream().map(h -> HallView.of(h, locale)).toList();
	}

}
