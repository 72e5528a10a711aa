package org.onestop.complaint.dispatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Past dispatch decisions in the demo data's TSV form ({@code lang, text, categoryCode,
 * leadDepartment, note}, a header line): the model's starting knowledge before any
 * dispatcher has decided on this platform.
 */
final class DispatchHistory {

	/** The demo city's history, on the classpath. */
	static final String DEMO = "demo/complaints/history.tsv";

	/** One row of the file, with its language and note kept for evaluation. */
	record Row(String lang, String text, String categoryCode, String leadDepartment, String note) {

		DispatchDecision decision() {
			return new DispatchDecision(categoryCode, text, leadDepartment);
		}

	}

	private DispatchHistory() {
	}

	static List<DispatchDecision> demo() {
		InputStream in = DispatchHistory.class.getClassLoader().getResourceAsStream(DEMO);
		if (in == null) {
			throw new IllegalStateException("The dispatch history is missing from the classpath: " + DEMO);
		}
		return read(in).stream().map(Row::decision).toList();
	}

	static List<Row> read(InputStream in) {
		List<Row> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line = reader.readLine(); // the header
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				if (cells.length < 4) {
					throw new IllegalStateException("A dispatch history line has too few columns: " + line);
				}
				rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells.length > 4 ? cells[4] : ""));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
