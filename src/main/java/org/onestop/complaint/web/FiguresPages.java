package org.onestop.complaint.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.onestop.complaint.ComplaintFigures.Row;

/** What the figures page shows (public because the compiled template reads it). */
public final class FiguresPages {

	private FiguresPages() {
	}

	/**
	 * One month in the trend: the city's total and each department's row (null where the
	 * department had nothing that month).
	 */
	public record TrendMonth(String month, Row total, Map<String, Row> departments) {

		public Row of(String department) {
			return departments.get(department);
		}

	}

	/**
	 * The page: the month shown (live when it is the current one), the months to pick
	 * from, the city's total and each department's row, and the trend up to the month.
	 */
	public record FiguresPage(String month, List<String> months, boolean live, boolean dispatchCentre,
			String computedAt, Row total, List<Row> departments, List<TrendMonth> trend, Map<String, String> errors) {

		/** A rate for reading: "66.7%", or null when there is nothing to rate. */
		public static String percent(BigDecimal rate) {
			return rate == null ? null : rate.toPlainString() + "%";
		}

		/** The width of a bar in the trend, 0 to 100. */
		public static String width(BigDecimal rate) {
			return rate == null ? "0" : rate.toPlainString();
		}

	}

}
