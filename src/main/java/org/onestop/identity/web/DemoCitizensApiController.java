package org.onestop.identity.web;

import java.util.Map;

import org.onestop.identity.demo.DemoCitizens;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Load-test citizens, outside production only: {@code POST /api/v1/admin/demo/citizens
 * {"count": N}} makes residents and accounts {@code load.citizen.00001} … (password
 * demo12345), idempotently.
 */
@RestController
@Profile("!prod")
class DemoCitizensApiController {

	private final DemoCitizens citizens;

	DemoCitizensApiController(DemoCitizens citizens) {
		this.citizens = citizens;
	}

	record Request(Integer count) {
	}

	// The URL rule lets content editors into /api/v1/admin/**: this one is for
	// administrators only.
	@PostMapping("/api/v1/admin/demo/citizens")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Integer> create(@RequestBody Request request) {
		int count = request.count() == null ? 0 : request.count();
		return Map.of("requested", count, "created", citizens.ensure(count));
	}

}
