package org.onestop.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The large-text switch shown on every page. */
@Controller
class PreferencesController {

	@PostMapping("/preferences/text-size")
	String textSize(@RequestParam(defaultValue = "false") boolean large,
			@RequestParam(defaultValue = "/") String returnTo, HttpServletResponse response) {
		TextSize.remember(response, large);
		return "redirect:" + LocalPath.orHome(returnTo);
	}

}
