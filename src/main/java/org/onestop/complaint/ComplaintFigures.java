package org.onestop.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.onestop.complaint.FigureQueries.Counts;
import org.onestop.identity.Departments;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * The three public rates per department and city month (接诉即办 "三率"): response (first
 * contact within its deadline ÷ complaints whose first-contact deadline fell in the
 * month), resolution (citizen said solved ÷ complaints with a verdict) and satisfaction
 * (ratings 4–5 ÷ ratings given). Counts are exact and the rates are derived from them; a
 * rate over nothing is null, never 0 % or 100 %. Computed on every call: the dispatch
 * centre watches the current month live.
 */
@Service
public class ComplaintFigures {

	/** The first month with figures: the platform has no complaints before it. */
	public static final YearMonth FIRST_MONTH = YearMonth.of(2020, 1);

	/** The longest trend one call returns. */
	public static final int MAX_TREND_MONTHS = 24;

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * One department's month: the counts, and each rate in percent with one decimal (null
	 * when its denominator is 0, and written as null: a reader must not mistake a missing
	 * rate for an API that forgot it).
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Row(String department, String departmentName, long due, long respondedInTime, long withVerdict,
			long solved, long rated, long satisfied, long noFeedback, BigDecimal responseRate,
			BigDecimal resolutionRate, BigDecimal satisfactionRate, long returns) {

		static Row of(String department, String departmentName, long due, long respondedInTime, long withVerdict,
				long solved, long rated, long satisfied, long noFeedback, long returns) {
			return new Row(department, departmentName, due, respondedInTime, withVerdict, solved, rated, satisfied,
					noFeedback, rate(respondedInTime, due), rate(solved, withVerdict), rate(satisfied, rated), returns);
		}

	}

	/** One month's rows, in department name order. */
	public record MonthFigures(String month, List<Row> departments) {
	}

	private final FigureQueries queries;

	private final Departments departments;

	private final Clock clock;

	private final ZoneId zone;

	ComplaintFigures(FigureQueries queries, Departments departments, Clock clock, PlatformProperties platform) {
		this.queries = queries;
		this.departments = departments;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** The month it is now in the city. */
	public YearMonth currentMonth() {
		return YearMonth.now(clock.withZone(zone));
	}

	public Instant now() {
		return clock.instant();
	}

	/**
	 * A month as {@code 2026-11}, from 2020 up to the current month; none (null or blank)
	 * is the current month. Anything else is refused beside {@code month}.
	 */
	public YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return currentMonth();
		}
		String text = value.strip();
		YearMonth month;
		try {
			month = MONTH.matcher(text).matches() ? YearMonth.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			month = null;
		}
		if (month == null) {
			throw new InvalidInputException("month", "complaint.figures.month.invalid");
		}
		if (month.isBefore(FIRST_MONTH) || month.isAfter(currentMonth())) {
			throw new InvalidInputException("month", "complaint.figures.month.range", FIRST_MONTH.toString(),
					currentMonth().toString());
		}
		return month;
	}

	/** Every department with any count in the month, in name order. */
	public List<Row> of(YearMonth month, Locale locale) {
		return trend(month, 1, locale).get(0).departments();
	}

	/**
	 * The months up to and including {@code last}, oldest first ({@code months} of them,
	 * 1 to 24, none before 2020), each with its departments: all in one query.
	 */
	public List<MonthFigures> trend(YearMonth last, int months, Locale locale) {
		if (months < 1 || months > MAX_TREND_MONTHS) {
			throw new InvalidInputException("months", "complaint.figures.months.range", MAX_TREND_MONTHS);
		}
		YearMonth first = last.minusMonths(months - 1L);
		if (first.isBefore(FIRST_MONTH)) {
			first = FIRST_MONTH;
		}
		Instant start = first.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		// A deadline still ahead has not "fallen" yet: the live month counts only what
		// is already due.
		Instant now = clock.instant();
		if (now.isBefore(end)) {
			end = now;
		}
		Map<YearMonth, List<Counts>> byMonth = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			byMonth.put(m, new ArrayList<>());
		}
		if (start.isBefore(end)) {
			for (Counts c : queries.counts(start, end, zone)) {
				byMonth.computeIfAbsent(c.month(), m -> new ArrayList<>()).add(c);
			}
		}
		Map<String, String> names = departments.names(locale);
		Collator collator = Collator.getInstance(locale);
		List<MonthFigures> result = new ArrayList<>();
		byMonth
			.forEach((month,
					counts) -> result.add(new MonthFigures(month.toString(), counts.stream()
						.map(c -> Row.of(c.department(), names.getOrDefault(c.department(), c.department()), c.due(),
								c.respondedInTime(), c.withVerdict(), c.solved(), c.rated(), c.satisfied(),
								c.noFeedback(), c.returns()))
						.sorted(Comparator.comparing(Row::departmentName, collator).thenComparing(Row::department))
						.toList())));
		return result;
	}

	/**
	 * All departments of a month added up (the city as a whole): sums of the counts, and
	 * rates from the sums.
	 */
	public static Row total(List<Row> rows, String name) {
		long due = 0;
		long inTime = 0;
		long withVerdict = 0;
		long solved = 0;
		long rated = 0;
		long satisfied = 0;
		long noFeedback = 0;
		long returns = 0;
		for (Row r : rows) {
			due += r.due();
			inTime += r.respondedInTime();
			withVerdict += r.withVerdict();
			solved += r.solved();
			rated += r.rated();
			satisfied += r.satisfied();
			noFeedback += r.noFeedback();
			returns += r.returns();
		}
		return Row.of(null, name, due, inTime, withVerdict, solved, rated, satisfied, noFeedback, returns);
	}

	/** Whether this person works in the dispatch centre (who watches the month live). */
	public boolean dispatchCentre(SignedInUser user) {
		return user != null && user.staff() && ComplaintNotices.DISPATCH_CENTRE.equals(user.department());
	}

	/** A count over another in percent with one decimal, half up; null over nothing. */
	static BigDecimal rate(long count, long of) {
		if (of == 0) {
			return null;
		}
		return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
	}

}
