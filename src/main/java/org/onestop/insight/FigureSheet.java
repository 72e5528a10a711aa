package org.onestop.insight;

import java.util.List;

/**
 * One month of figures as the pages and the open data show them: sections of measures,
 * each with its city trend and its tables per department, matter and hall. Built once per
 * refresh, month, language and audience; public sheets have small cells suppressed.
 *
 * @param month the month shown, {@code 2026-11}
 * @param open whether small cells are suppressed (the public sheet)
 * @param trendMonths the months of the trends, oldest first
 */
public record FigureSheet(String month, boolean open, List<String> trendMonths, List<Section> sections) {

	/** A section's measures under its title. */
	public record Section(String key, String title, List<MeasureView> measures) {
	}

	/**
	 * One measure: its name and definition, its city trend (a row per month) and its rows
	 * per subject for the month.
	 *
	 * @param id an HTML id for its chart and tables
	 * @param chartData the trend as JSON for the chart script (null when not charted)
	 */
	public record MeasureView(String key, String id, String name, String definition, boolean chart, String chartData,
			List<Row> trend, List<Row> departments, List<Row> matters, List<Row> halls) {
	}

	/** A line of a table: a month, or a department, matter or hall. */
	public record Row(String code, String name, Cell all, Cell online, Cell offline) {
	}

	/**
	 * One shown value: null value with {@code suppressed} when it rests on too few cases
	 * for the public; {@code text} is how the page writes it.
	 */
	public record Cell(Double value, Long cases, boolean suppressed, String text) {
	}

}
