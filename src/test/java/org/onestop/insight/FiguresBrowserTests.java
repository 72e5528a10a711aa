package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.identity.MatterNames;
import org.onestop.insight.SampleFigureSources.Sample;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * {@code /figures} in a real browser: the charts drawn (within the page's strict
 * Content-Security-Policy), a table beside each, no axe violation with the charts on the
 * page, and the page usable on a 390 px phone in large text, in both languages; and the
 * staff's page for an administrator.
 */
class FiguresBrowserTests extends BrowserTest {

	@Autowired
	FigureRefresh refresh;

	@Autowired
	Figures figures;

	@Autowired
	MatterNames matterNames;

	@Autowired
	@Qualifier("sampleFigureSource")
	Sample sample;

	YearMonth month;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@BeforeEach
	void twelveMonthsOfSampleFigures() {
		sample.reset();
		month = figures.month(null);
		String matter = matterNames.all().keySet().iterator().next();
		for (int i = 0; i < Figures.TREND_MONTHS; i++) {
			YearMonth m = month.minusMonths(i);
			List<Figure> list = new ArrayList<>();
			for (ChannelGroup channel : ChannelGroup.values()) {
				long n = channel == ChannelGroup.ALL ? 40 + i : channel == ChannelGroup.ONLINE ? 30 + i : 10;
				list.add(new Figure("sample.visits", Scope.CITY, "", channel, (double) n, n));
				list.add(new Figure("sample.visits", Scope.DEPARTMENT, "CA", channel, (double) n, n));
				list.add(new Figure("sample.visits", Scope.MATTER, matter, channel, (double) n, n));
				list.add(new Figure("sample.share", Scope.CITY, "", channel, 0.5, n));
			}
			list.add(new Figure("sample.visits", Scope.DEPARTMENT, "PS", ChannelGroup.ALL, 3.0, 3));
			sample.changed.add(m);
			sample.figures.put(m, list);
		}
		refresh.refreshAll("browser-test-node");
	}

	@Test
	void chartsAndTablesPassAxeInBothLanguagesOnAPhoneInLargeText() {
		browser.recordCspViolations();
		browser.open("/figures?lang=en");
		assertThat(browser.text("[data-testid=month-heading]")).contains(month.toString());
		// Drawn by the application's own ECharts, and the same numbers in the table
		// beside it.
		assertThat(browser.findAll("[data-measure='sample.visits'] .onestop-figures__chart canvas")).hasSize(1);
		assertThat(browser.findAll("#m-sample-visits-trend tbody tr")).hasSize(Figures.TREND_MONTHS);
		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.text("[data-testid=section-sample]")).contains("Sample visits",
				"Visits counted by the test-only sample source.");
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.open("/figures?lang=zh");
		assertThat(browser.text("[data-testid=section-sample]")).contains("示例来访量");
		browser.assertAccessible();
		browser.assertNoCodesOnScreen();

		browser.screen(390, 844);
		browser.open("/figures");
		browser.click("[data-testid=text-size]");
		browser.assertFitsTheScreen();
		browser.open("/figures?lang=en");
		assertThat(browser.findAll(".onestop-figures__chart canvas")).isNotEmpty();
		browser.assertFitsTheScreen();
		browser.assertAccessible();
		browser.open("/figures/departments?section=sample&lang=en");
		assertThat(browser.findAll("#m-sample-visits-departments tr[data-subject=PS]")).hasSize(1);
		browser.assertFitsTheScreen();
		browser.assertAccessible();
	}

	@Test
	void anAdministratorSeesTheUnsuppressedFigures() {
		browser.signIn("admin", "demo12345");
		browser.open("/staff/figures?lang=en");
		browser.assertAccessible();
		browser.open("/staff/figures/departments?section=sample&lang=en");
		assertThat(browser.findAll("#m-sample-visits-departments tr[data-subject=PS]")).hasSize(1);
		browser.assertAccessible();
	}

}
