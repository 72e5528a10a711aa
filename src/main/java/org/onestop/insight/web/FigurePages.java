package org.onestop.insight.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.onestop.insight.FigureSheet;
import org.onestop.insight.FigureSheet.MeasureView;
import org.onestop.insight.FigureSheet.Row;
import org.onestop.insight.FigureSheet.Section;

/** The records the figures templates read. */
public final class FigurePages {

	/**
	 * The views of the tables per subject, each on its own page (the overview stays
	 * light).
	 */
	static final List<String> TABLE_VIEWS = List.of("departments", "matters", "halls");

	private FigurePages() {
	}

	/**
	 * A figures page: the sheet of the chosen month, the months one may choose, where the
	 * chooser sends to, and any problem with the month asked for. The overview
	 * ({@code view} null) shows the city's trends with their charts; a table view
	 * ({@code departments}, {@code matters}, {@code halls}) one section's tables per
	 * subject.
	 *
	 * @param base {@code /figures} or {@code /staff/figures}
	 * @param department the department a staff member asked for, kept in the links
	 */
	public record FiguresPage(FigureSheet sheet, List<String> months, String base, boolean staff,
			Map<String, String> errors, String view, String section, String department) {

		/** Where the month chooser sends to. */
		public String action() {
			return this.view == null ? this.base : this.base + "/" + this.view;
		}

		/** A view of this month ({@code null}: the overview), at a section. */
		public String link(String view, String section) {
			StringBuilder link = new StringBuilder(this.base);
			if (view != null) {
				link.append('/').append(view);
			}
			link.append("?month=").append(this.sheet.month());
			if (view != null && section != null) {
				link.append("&section=").append(encode(section));
			}
			if (this.department != null) {
				link.append("&department=").append(encode(this.department));
			}
			return link.toString();
		}

		/** The sections with tables in this view. */
		public List<Section> tableSections() {
			return this.sheet.sections()
				.stream()
				.filter(s -> s.measures().stream().anyMatch(m -> !rows(m).isEmpty()))
				.toList();
		}

		/** The rows of a measure in this view. */
		public List<Row> rows(MeasureView measure) {
			if (this.view == null) {
				return List.of();
			}
			return switch (this.view) {
				case "departments" -> measure.departments();
				case "matters" -> measure.matters();
				default -> measure.halls();
			};
		}

		/**
		 * The section shown in a table view: the one asked for, else the first with
		 * tables.
		 */
		public Section shownSection() {
			List<Section> sections = tableSections();
			return sections.stream()
				.filter(s -> s.key().equals(this.section))
				.findFirst()
				.orElse(sections.isEmpty() ? null : sections.get(0));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
