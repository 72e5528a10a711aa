package org.onestop.insight.web;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import org.onestop.insight.FigureSheet;
import org.onestop.insight.Figures;
import org.onestop.insight.web.FigurePages.FiguresPage;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The figures for everyone (small cells suppressed) and for the staff who answer for them
 * (everything, a head's own department). Both read only the stored figures. The overview
 * holds the city's trends; the tables per department, matter and hall are on pages of
 * their own, a section at a time, so that no page carries every table of the city.
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
		return open(null, month, null, locale, model, shell, response);
	}

	@GetMapping("/figures/{view:departments|matters|halls}")
	String openTables(@PathVariable String view, @RequestParam(required = false) String month,
			@RequestParam(required = false) String section, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		return open(view, month, section, locale, model, shell, response);
	}

	@GetMapping("/staff/figures")
	String internal(@RequestParam(required = false) String month, @RequestParam(required = false) String department,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		return internal(null, month, null, department, locale, model, shell, response);
	}

	@GetMapping("/staff/figures/{view:departments|matters|halls}")
	String internalTables(@PathVariable String view, @RequestParam(required = false) String month,
			@RequestParam(required = false) String section, @RequestParam(required = false) String department,
			Locale locale, Model model, @ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		return internal(view, month, section, department, locale, model, shell, response);
	}

	private String open(String view, String month, String section, Locale locale, Model model, Shell shell,
			HttpServletResponse response) {
		Map<String, String> errors = Map.of();
		YearMonth shown;
		try {
			shown = figures.month(month);
		}
		catch (ProblemException refused) {
			errors = shell.errors(refused, "month");
			shown = figures.month(null);
		}
		// The page carries the visitor's CSRF token (the text-size form) and their
		// language and text-size choices: revalidated every time, never kept by a shared
		// cache. Spring's ETag filter answers 304 when nothing changed.
		response.setHeader("Cache-Control", CacheControl.noCache().cachePrivate().getHeaderValue());
		FiguresPage page = new FiguresPage(figures.open(shown, locale), figures.months(), "/figures", false, errors,
				view, section, null);
		return render(page, model);
	}

	private String internal(String view, String month, String section, String department, Locale locale, Model model,
			Shell shell, HttpServletResponse response) {
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
		FigureSheet sheet = figures.internal(shown, locale, shell.user(), department);
		String asked = department == null || department.isBlank() ? null : department.strip();
		FiguresPage page = new FiguresPage(sheet, figures.months(), "/staff/figures", true, errors, view, section,
				asked);
		return render(page, model);
	}

	private static String render(FiguresPage page, Model model) {
		// An unknown section shows the first one (see FiguresPage.shownSection).
		model.addAttribute("page", page);
		return "insight/figures";
	}

}
