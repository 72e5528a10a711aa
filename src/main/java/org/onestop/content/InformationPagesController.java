package org.onestop.content;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every public service links from its footer: the privacy notice, the
 * accessibility statement and how to contact a person. No sign-in; their text is in the
 * message bundles, so both languages stay in step.
 */
@Controller
class InformationPagesController {

	@GetMapping("/privacy")
	String privacy() {
		return "content/privacy";
	}

	@GetMapping("/accessibility")
	String accessibility() {
		return "content/accessibility";
	}

	@GetMapping("/contact")
	String contact() {
		return "content/contact";
	}

}
