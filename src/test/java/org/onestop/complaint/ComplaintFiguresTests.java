package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Rates in percent with one decimal, half up, and none over nothing. */
class ComplaintFiguresTests {

	@Test
	void ratesArePercentWithOneDecimalRoundedHalfUp() {
		assertThat(ComplaintFigures.rate(2, 3)).isEqualTo(new BigDecimal("66.7"));
		assertThat(ComplaintFigures.rate(1, 6)).isEqualTo(new BigDecimal("16.7"));
		assertThat(ComplaintFigures.rate(1, 8)).isEqualTo(new BigDecimal("12.5"));
		assertThat(ComplaintFigures.rate(1, 2000)).as("0.05 rounds up").isEqualTo(new BigDecimal("0.1"));
		assertThat(ComplaintFigures.rate(1, 2001)).isEqualTo(new BigDecimal("0.0"));
		assertThat(ComplaintFigures.rate(5, 5)).isEqualTo(new BigDecimal("100.0"));
		assertThat(ComplaintFigures.rate(0, 5)).isEqualTo(new BigDecimal("0.0"));
	}

	@Test
	void aRateOverNothingIsNoRateNotZeroOrAHundred() {
		assertThat(ComplaintFigures.rate(0, 0)).isNull();
	}

	@Test
	void theTotalAddsTheCountsAndRatesTheSums() {
		ComplaintFigures.Row a = ComplaintFigures.Row.of("CA", "民政局", 3, 2, 0, 0, 0, 0, 1, 2);
		ComplaintFigures.Row b = ComplaintFigures.Row.of("PS", "公安局", 1, 1, 4, 1, 2, 1, 0, 0);
		ComplaintFigures.Row total = ComplaintFigures.total(java.util.List.of(a, b), "全市");
		assertThat(total.due()).isEqualTo(4);
		assertThat(total.responseRate()).isEqualTo(new BigDecimal("75.0"));
		assertThat(total.resolutionRate()).isEqualTo(new BigDecimal("25.0"));
		assertThat(total.satisfactionRate()).isEqualTo(new BigDecimal("50.0"));
		assertThat(total.noFeedback()).isEqualTo(1);
		assertThat(total.returns()).isEqualTo(2);
	}

}
