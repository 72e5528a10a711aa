package org.onestop.identity.web;

import org.onestop.identity.code.DemoCodeOutbox;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo's stand-in for the SMS gateway, for administrators: the one-time codes that
 * could still be used, with the masked phone each would have gone to. Absent in
 * production, where the page answers 404.
 */
@Controller
@Profile("!prod")
class DemoCodesController {

	private final DemoCodeOutbox outbox;

	DemoCodesController(DemoCodeOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/demo/codes")
	String codes(Model model) {
		model.addAttribute("page", new IdentityPages.DemoCodesPage(outbox.live()));
		return "identity/demo-codes";
	}

}
