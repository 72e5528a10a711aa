package org.onestop.insight.web;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import org.onestop.insight.Figures;
import org.onestop.insight.web.FigurePages.FiguresPage;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The figures for everyone (small cells suppressed) and for the staff who answer for them
 * (everything, a head's own department). Both read only the stored figures.
 */
@Controller
class FigurePagesController {

	private final Figures figures;

	FigurePagesController(Figures figures) {
		this.figures = figures;
	}

	@GetMapping("/figures")
	String open(@RequestParam(required = false) String month, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		Map<String, String> errors = Map.of();
		YearMonth shown;
		try {
			shown = figures.month(month);
		}
		catch (ProblemException refused) {
			errors = shell.errors(refused, "month");
			shown = figures.month(null);
		}
		response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
		model.addAttribute("page",
				new FiguresPage(figures.open(shown, locale), figures.months(), "/figures", false, errors));
		return "insight/figures";
	}

	@GetMapping("/staff/figures")
	String internal(@RequestParam(required = false) String month, @RequestParam(required = false) String department,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		Map<String, String> errors = Map.of();
		YearMonth shown;
		try {
			shown = figures.month(month);
		}
		catch (ProblemException refused) {
			errors = shell.errors(refused, "month");
			shown = figures.month(null);
		}
		// Unsuppressed figures: never kept by a shared cache.
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		model.addAttribute("page", new FiguresPage(figures.internal(shown, locale, shell.user(), department),
				figures.months(), "/staff/figures", true, errors));
		return "insight/figures";
	}

}
