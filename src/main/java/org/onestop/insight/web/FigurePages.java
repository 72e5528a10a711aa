package org.onestop.insight.web;

import java.util.List;
import java.util.Map;

import org.onestop.insight.FigureSheet;

/** The records the figures templates read. */
public final class FigurePages {

	private FigurePages() {
	}

	/**
	 * A figures page: the sheet of the chosen month, the months one may choose, where the
	 * chooser sends to, and any problem with the month asked for.
	 */
	public record FiguresPage(FigureSheet sheet, List<String> months, String action, boolean staff,
			Map<String, String> errors) {
	}

}
