package org.onestop.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's front door. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "platform/home";
	}
}
