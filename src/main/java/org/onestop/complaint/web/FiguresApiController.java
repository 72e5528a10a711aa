package org.onestop.complaint.web;

import java.util.List;
import java.util.Locale;

import org.onestop.complaint.ComplaintFigures;
import org.onestop.complaint.ComplaintFigures.MonthFigures;
import org.onestop.complaint.ComplaintFigures.Row;
import org.onestop.platform.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three rates, public: anyone may check how each department answers complaints.
 */
@RestController
class FiguresApiController {

	private final ComplaintFigures figures;

	FiguresApiController(ComplaintFigures figures) {
		this.figures = figures;
	}

	/** One month (default: the current one, so far), one row per department. */
	@GetMapping("/api/v1/complaints/figures")
	List<Row> month(@RequestParam(required = false) String month, Locale locale) {
		return figures.of(figures.month(month), locale);
	}

	/** The last {@code months} months up to the current one, oldest first. */
	@GetMapping("/api/v1/complaints/figures/trend")
	List<MonthFigures> trend(@RequestParam(required = false) String months, Locale locale) {
		return figures.trend(figures.currentMonth(), count(months), locale);
	}

	private static int count(String months) {
		if (months == null || months.isBlank()) {
			return 6;
		}
		try {
			return Integer.parseInt(months.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("months", "complaint.figures.months.range",
					ComplaintFigures.MAX_TREND_MONTHS);
		}
	}

}
