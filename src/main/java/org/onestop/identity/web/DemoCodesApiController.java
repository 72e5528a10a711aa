package org.onestop.identity.web;

import java.util.List;

import org.onestop.identity.code.DemoCodeOutbox;
import org.onestop.identity.code.DemoText;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's stand-in for the SMS gateway, as JSON for administrators (and tests): the
 * one-time codes that could still be used. Absent in production, where the path answers
 * 404.
 */
@RestController
@Profile("!prod")
class DemoCodesApiController {

	private final DemoCodeOutbox outbox;

	DemoCodesApiController(DemoCodeOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/v1/admin/demo/codes")
	List<DemoText> codes() {
		return outbox.live();
	}

}
