package org.onestop.insight;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.onestop.appointment.MatterDepartments;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.insight.FigureQueries.Stored;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * The figures as people see them: which month, for whom (the public with small cells
 * suppressed, or staff with everything), and the sheet of a month, built from the stored
 * figures only and kept until the next refresh stores something.
 */
@Service
public class Figures {

	/** How many months a trend shows. */
	public static final int TREND_MONTHS = 12;

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private final FigureQueries queries;

	private final SheetBuilder builder;

	private final MatterDepartments matterDepartments;

	private final Clock clock;

	private final ZoneId zone;

	private final Map<List<Object>, FigureSheet> cache = new ConcurrentHashMap<>();

	private volatile long cachedRevision = -1;

	Figures(FigureQueries queries, SheetBuilder builder, MatterDepartments matterDepartments, Clock clock,
			PlatformProperties platform) {
		this.queries = queries;
		this.builder = builder;
		this.matterDepartments = matterDepartments;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** The month it is now in the city. */
	public YearMonth currentMonth() {
		return YearMonth.now(clock.withZone(zone));
	}

	/** The months one may choose, newest first: the current one and the 24 before it. */
	public List<String> months() {
		List<String> months = new ArrayList<>();
		YearMonth current = currentMonth();
		for (int i = 0; i <= FigureRefresh.MONTHS_SHOWN; i++) {
			months.add(current.minusMonths(i).toString());
		}
		return months;
	}

	/**
	 * A month as {@code 2026-11}; none is the last complete month. Malformed, future or
	 * older than 24 months: refused beside {@code month} (a future month has no figures,
	 * and an empty answer would read as "nothing happened").
	 */
	public YearMonth month(String value) {
		YearMonth current = currentMonth();
		if (value == null || value.isBlank()) {
			return current.minusMonths(1);
		}
		YearMonth month;
		try {
			month = MONTH.matcher(value.strip()).matches() ? YearMonth.parse(value.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			month = null;
		}
		if (month == null) {
			throw new InvalidInputException("month", "figures.month.invalid");
		}
		YearMonth oldest = current.minusMonths(FigureRefresh.MONTHS_SHOWN);
		if (month.isAfter(current) || month.isBefore(oldest)) {
			throw new InvalidInputException("month", "figures.month.range", oldest.toString(), current.toString());
		}
		return month;
	}

	/**
	 * Changes whenever a refresh stores figures: whatever was made from the figures
	 * before it is stale.
	 */
	public long revision() {
		return this.queries.revision();
	}

	/** The public sheet of a month: small cells suppressed. */
	public FigureSheet open(YearMonth month, Locale locale) {
		return sheet(month, locale, true, null);
	}

	/**
	 * The staff's sheet of a month, nothing suppressed: a department head sees their own
	 * department (whatever they ask for); administrators, auditors and services
	 * supervisors any department, or all when none is asked for. Anyone else is refused.
	 */
	public FigureSheet internal(YearMonth month, Locale locale, SignedInUser user, String department) {
		if (!(user instanceof OneStopUser staff) || !staff.staff()) {
			throw new ForbiddenException("figures.staff.forbidden");
		}
		boolean anyDepartment = staff.has(Role.ADMIN) || staff.has(Role.AUDITOR) || staff.has(Role.SERVICES_SUPERVISOR);
		String shown;
		if (anyDepartment) {
			shown = department == null || department.isBlank() ? null : department.strip();
		}
		else if (staff.has(Role.DEPARTMENT_HEAD)) {
			shown = staff.department();
		}
		else {
			throw new ForbiddenException("figures.staff.forbidden");
		}
		return sheet(month, locale, false, shown);
	}

	/**
	 * The lines of the open data for departments or matters, the same cells as the page.
	 */
	public List<OpenFigure> openData(YearMonth month, Scope scope, Locale locale) {
		FigureSheet sheet = open(month, locale);
		List<OpenFigure> lines = new ArrayList<>();
		for (FigureSheet.Section section : sheet.sections()) {
			for (FigureSheet.MeasureView m : section.measures()) {
				List<FigureSheet.Row> rows = scope == Scope.MATTER ? m.matters()
						: scope == Scope.HALL ? m.halls() : m.departments();
				for (FigureSheet.Row row : rows) {
					add(lines, sheet.month(), m, row, ChannelGroup.ALL, row.all());
					add(lines, sheet.month(), m, row, ChannelGroup.ONLINE, row.online());
					add(lines, sheet.month(), m, row, ChannelGroup.OFFLINE, row.offline());
				}
			}
		}
		return lines;
	}

	private static void add(List<OpenFigure> lines, String month, FigureSheet.MeasureView m, FigureSheet.Row row,
			ChannelGroup channel, FigureSheet.Cell cell) {
		if (cell == null) {
			return;
		}
		lines.add(new OpenFigure(month, m.key(), m.name(), row.code(), row.name(), channel.name(), cell.value(),
				cell.cases(), cell.suppressed()));
	}

	private FigureSheet sheet(YearMonth month, Locale locale, boolean open, String department) {
		long revision = queries.revision();
		if (revision != cachedRevision) {
			// A refresh stored new figures: every sheet built before it is stale.
			cache.clear();
			cachedRevision = revision;
		}
		List<Object> key = List.of(month, locale.getLanguage(), open, String.valueOf(department));
		return cache.computeIfAbsent(key, k -> build(month, locale, open, department));
	}

	private FigureSheet build(YearMonth month, Locale locale, boolean open, String department) {
		YearMonth first = month.minusMonths(TREND_MONTHS - 1L);
		List<Stored> stored = queries.page(first, month);
		Set<String> matters = null;
		if (department != null) {
			Collection<String> codes = new HashSet<>();
			stored.stream()
				.filter(s -> s.figure().scope() == Scope.MATTER)
				.forEach(s -> codes.add(s.figure().subject()));
			matters = new HashSet<>();
			for (Map.Entry<String, String> e : matterDepartments.of(codes).entrySet()) {
				if (department.equals(e.getValue())) {
					matters.add(e.getKey());
				}
			}
		}
		Map<YearMonth, List<Figure>> byMonth = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
			byMonth.put(m, new ArrayList<>());
		}
		stored.forEach(s -> byMonth.get(s.month()).add(s.figure()));
		return builder.build(month, byMonth, locale, open, department, matters);
	}

}
