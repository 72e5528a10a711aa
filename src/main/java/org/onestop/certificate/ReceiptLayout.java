package org.onestop.certificate;

import java.util.Locale;
import java.util.Optional;

/**
 * The paper a receipt is printed on: an A4 sheet from an office printer, or the 80 mm
 * roll of a counter's thermal printer, as long as the receipt needs.
 */
public enum ReceiptLayout {

	A4("a4"), THERMAL_80MM("80mm");

	private final String format;

	ReceiptLayout(String format) {
		this.format = format;
	}

	/** How a link or a request names the layout: {@code a4} or {@code 80mm}. */
	public String format() {
		return format;
	}

	/** The layout a request names, in any case; empty for one that does not exist. */
	public static Optional<ReceiptLayout> of(String format) {
		if (format == null) {
			return Optional.empty();
		}
		String wanted = format.strip().toLowerCase(Locale.ROOT);
		for (ReceiptLayout layout : values()) {
			if (layout.format.equals(wanted)) {
				return Optional.of(layout);
			}
		}
		return Optional.empty();
	}

}
