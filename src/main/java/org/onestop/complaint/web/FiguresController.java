package org.onestop.complaint.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.complaint.ComplaintFigures;
import org.onestop.complaint.ComplaintFigures.MonthFigures;
import org.onestop.complaint.ComplaintFigures.Row;
import org.onestop.complaint.web.FiguresPages.FiguresPage;
import org.onestop.complaint.web.FiguresPages.TrendMonth;
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
 * The public figures page: the three rates of a month per department, what they mean, and
 * how they went over the six months up to it. Computed on every request, so the dispatch
 * centre's current month is live.
 */
@Controller
class FiguresController {

	static final int TREND_MONTHS = 6;

	private final ComplaintFigures figures;

	FiguresController(ComplaintFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/complaints/figures")
	String figures(@RequestParam(required = false) String month, Locale locale, Model model,
			@ModelAttribute("shell") Shell shell, HttpServletResponse response) {
		YearMonth shown;
		Map<String, String> errors = Map.of();
		try {
			shown = figures.month(month);
		}
		catch (ProblemException refused) {
			errors = shell.errors(refused, "month");
			shown = figures.currentMonth();
		}
		YearMonth current = figures.currentMonth();
		List<MonthFigures> trend = figures.trend(shown, TREND_MONTHS, locale);
		String totalName = shell.t("complaint.figures.total");
		List<TrendMonth> months = new ArrayList<>();
		for (MonthFigures m : trend) {
			Map<String, Row> byDepartment = new LinkedHashMap<>();
			m.departments().forEach(r -> byDepartment.put(r.department(), r));
			months.add(new TrendMonth(m.month(), ComplaintFigures.total(m.departments(), totalName), byDepartment));
		}
		List<Row> rows = trend.get(trend.size() - 1).departments();
		List<String> choices = new ArrayList<>();
		for (YearMonth m = current; !m.isBefore(ComplaintFigures.FIRST_MONTH); m = m.minusMonths(1)) {
			choices.add(m.toString());
		}
		// Figures of the month so far change with every contact and verdict: never
		// served from a cache.
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		model.addAttribute("page",
				new FiguresPage(shown.toString(), choices, shown.equals(current), figures.dispatchCentre(shell.user()),
						shell.dateTime(figures.now()), ComplaintFigures.total(rows, totalName), rows, months, errors));
		return "complaint/figures";
	}

}
