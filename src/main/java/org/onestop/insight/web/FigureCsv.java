package org.onestop.insight.web;

import java.math.BigDecimal;
import java.util.List;

import org.onestop.insight.OpenFigure;

/**
 * The open data as CSV (RFC 4180: comma, CRLF, double quotes doubled, no byte-order
 * mark). A text cell that a spreadsheet would read as a formula (starting with = + - @, a
 * tab or a carriage return) is prefixed with an apostrophe and quoted, so that opening
 * the file runs nothing.
 */
final class FigureCsv {

	static final String HEADER = "month,measure,measure_name,subject,subject_name,channel,value,cases,suppressed";

	private FigureCsv() {
	}

	static String write(List<OpenFigure> lines) {
		StringBuilder out = new StringBuilder(HEADER).append("\r\n");
		for (OpenFigure f : lines) {
			out.append(cell(f.month()))
				.append(',')
				.append(cell(f.measure()))
				.append(',')
				.append(cell(f.measureName()))
				.append(',')
				.append(cell(f.subject()))
				.append(',')
				.append(cell(f.subjectName()))
				.append(',')
				.append(cell(f.channel()))
				.append(',')
				.append(f.value() == null ? "" : BigDecimal.valueOf(f.value()).stripTrailingZeros().toPlainString())
				.append(',')
				.append(f.cases() == null ? "" : f.cases().toString())
				.append(',')
				.append(f.suppressed() ? "suppressed" : "")
				.append("\r\n");
		}
		return out.toString();
	}

	static String cell(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		char first = text.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		String value = formula ? "'" + text : text;
		if (formula || value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
