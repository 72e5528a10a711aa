package org.onestop.reference;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The floor: an HTTP request through Tomcat, the dispatcher and Jackson, with no work. */
@RestController
class PingController {

	@GetMapping("/ping")
	Map<String, String> ping() {
		return Map.of("status", "ok");
	}

}
