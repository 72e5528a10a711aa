package org.onestop.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.insight.OpenFigure;

class FigureCsvTests {

	@Test
	void quotesAsRfc4180AndDisarmsFormulas() {
		assertThat(FigureCsv.cell("Civil Affairs")).isEqualTo("Civil Affairs");
		assertThat(FigureCsv.cell("Births, deaths")).isEqualTo("\"Births, deaths\"");
		assertThat(FigureCsv.cell("the \"one\" office")).isEqualTo("\"the \"\"one\"\" office\"");
		assertThat(FigureCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(FigureCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(FigureCsv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(FigureCsv.cell("-1")).isEqualTo("\"'-1\"");
		assertThat(FigureCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(FigureCsv.cell(null)).isEmpty();
	}

	@Test
	void writesAHeaderCrlfLinesAndMarksSuppressedCellsEmpty() {
		String csv = FigureCsv.write(List.of(
				new OpenFigure("2026-11", "sample.visits", "Sample visits", "CA", "Civil Affairs", "ALL", 12.0, 12L,
						false),
				new OpenFigure("2026-11", "sample.share", "Sample share", "PS", "Public Security", "OFFLINE", null,
						null, true),
				new OpenFigure("2026-11", "sample.share", "Sample share", "CA", "Civil Affairs", "ONLINE", 0.125, 8L,
						false)));
		assertThat(csv).doesNotStartWith("\uFEFF");
		assertThat(csv.split("\r\n", -1)).containsExactly(FigureCsv.HEADER,
				"2026-11,sample.visits,Sample visits,CA,Civil Affairs,ALL,12,12,",
				"2026-11,sample.share,Sample share,PS,Public Security,OFFLINE,,,suppressed",
				"2026-11,sample.share,Sample share,CA,Civil Affairs,ONLINE,0.125,8,", "");
	}

}
