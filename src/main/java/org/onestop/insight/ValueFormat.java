package org.onestop.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;

/** How a value of each unit is written on the page and drawn in a chart. */
final class ValueFormat {

	private ValueFormat() {
	}

	/** The value as the page writes it, in its unit's pattern ({@code {0} %}). */
	static String text(Measure.Unit unit, double value, String pattern) {
		return MessageFormat.format(pattern, plain(unit, value));
	}

	/** The number drawn: shares in percent, others as they are; rounded as written. */
	static Double plot(Measure.Unit unit, Double value) {
		return value == null ? null : Double.valueOf(plain(unit, value));
	}

	private static String plain(Measure.Unit unit, double value) {
		BigDecimal v = BigDecimal.valueOf(value);
		return switch (unit) {
			case COUNT -> v.setScale(0, RoundingMode.HALF_UP).toPlainString();
			case SHARE -> v.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
			case PER_CASE -> v.setScale(2, RoundingMode.HALF_UP).toPlainString();
			default -> v.setScale(1, RoundingMode.HALF_UP).toPlainString();
		};
	}

}
