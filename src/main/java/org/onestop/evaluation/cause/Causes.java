package org.onestop.evaluation.cause;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.Department;
import org.onestop.identity.Departments;
import org.onestop.identity.MatterNames;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Service;

/**
 * Ranks the causes of a department's bad ratings (issue 17, "traced to its cause"). A
 * department head reads their own department's; administrators, services supervisors and
 * auditors any department's. Another department's head is refused (403): which
 * departments exist is no secret, what their citizens said is.
 */
@Service
class Causes {

	/** The period when none is asked for. */
	static final int DEFAULT_DAYS = 90;

	/**
	 * The longest period one request may cover: a year. The ranking reads the base rows
	 * (ratings and their causes) for every view, so the period bounds its cost; a longer
	 * view belongs to the published monthly figures.
	 */
	static final int MAX_DAYS = 366;

	/** The most months one request may ask for; 12 months fit in {@link #MAX_DAYS}. */
	static final int MAX_MONTHS = 12;

	private final CauseQueries queries;

	private final CauseLabels labels;

	private final Departments departments;

	private final MatterNames matters;

	private final Clock clock;

	private final ZoneId zone;

	Causes(CauseQueries queries, CauseLabels labels, Departments departments, MatterNames matters, Clock clock,
			PlatformProperties platform) {
		this.queries = queries;
		this.labels = labels;
		this.departments = departments;
		this.matters = matters;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** Whether this person may read any department's causes. */
	static boolean readsEveryDepartment(OneStopUser viewer) {
		return viewer.has(Role.ADMIN) || viewer.has(Role.SERVICES_SUPERVISOR) || viewer.has(Role.AUDITOR);
	}

	/**
	 * @param department null for the viewer's own (a head), or the first department for
	 * those who read every department's
	 * @param from the first day; null for {@code months} months, or 90 days, before
	 * {@code to}
	 * @param to the last day, included; null for today
	 * @param months a period of this many months ending {@code to}, when {@code from} is
	 * null
	 */
	CauseRanking rank(OneStopUser viewer, String department, LocalDate from, LocalDate to, Integer months,
			Locale locale) {
		Department scope = scope(viewer, department);
		LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
		if (months != null && (months < 1 || months > MAX_MONTHS)) {
			throw new InvalidInputException("months", "evaluation.causes.months.range", 1, MAX_MONTHS);
		}
		LocalDate first = from != null ? from
				: months != null ? last.minusMonths(months).plusDays(1) : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw new InvalidInputException("from", "evaluation.causes.period.order");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidInputException("from", "evaluation.causes.period.long", MAX_DAYS);
		}
		var start = first.atStartOfDay(zone).toInstant();
		var end = last.plusDays(1).atStartOfDay(zone).toInstant();
		List<CauseQueries.Total> totals = queries.totals(scope.code(), start, end);
		List<CauseQueries.Hit> hits = queries.hits(scope.code(), start, end);
		Map<String, LocalizedText> names = matters
			.names(totals.stream().map(CauseQueries.Total::matter).filter(m -> !m.isEmpty()).toList());
		Map<String, List<CauseRanking.RankedCause>> byMatter = new LinkedHashMap<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		totals.forEach(t -> counts.put(t.matter(), t.ratings()));
		for (CauseQueries.Hit hit : hits) {
			long of = counts.getOrDefault(hit.matter(), 0L);
			if (of == 0) {
				continue;
			}
			byMatter.computeIfAbsent(hit.matter(), m -> new ArrayList<>())
				.add(new CauseRanking.RankedCause(hit.kind(), hit.key(), labels.label(hit, locale),
						labels.reference(hit), labels.link(hit), hit.ratings(), (double) hit.ratings() / of));
		}
		List<CauseRanking.MatterCauses> ranked = new ArrayList<>();
		for (CauseQueries.Total total : totals) {
			String code = total.matter();
			boolean none = code.isEmpty();
			String name = none ? labels.noMatter(locale) : names.containsKey(code) ? names.get(code).in(locale) : code;
			ranked.add(new CauseRanking.MatterCauses(code, name, none ? null : "/services/" + code, total.ratings(),
					total.ratings() < CauseRanking.FEWEST_TO_RANK, byMatter.getOrDefault(code, List.of())));
		}
		long all = totals.stream().mapToLong(CauseQueries.Total::ratings).sum();
		return new CauseRanking(scope.code(), scope.name(locale), first, last, all, ranked);
	}

	/** The departments this person may pick from: every one, or only their own. */
	Map<String, String> choices(OneStopUser viewer, Locale locale) {
		if (readsEveryDepartment(viewer)) {
			return departments.names(locale);
		}
		return Map.of();
	}

	private Department scope(OneStopUser viewer, String department) {
		String asked = department == null || department.isBlank() ? null : department.strip();
		if (readsEveryDepartment(viewer)) {
			if (asked == null) {
				return departments.all()
					.stream()
					.findFirst()
					.orElseThrow(() -> new InvalidInputException("department", "evaluation.causes.department.unknown"));
			}
			return departments.byCode(asked)
				.orElseThrow(() -> new InvalidInputException("department", "evaluation.causes.department.unknown"));
		}
		if (viewer.has(Role.DEPARTMENT_HEAD) && viewer.departmentCode() != null
				&& (asked == null || asked.equals(viewer.departmentCode()))) {
			return departments.byCode(viewer.departmentCode())
				.orElseThrow(() -> new ForbiddenException("evaluation.causes.forbidden"));
		}
		throw new ForbiddenException("evaluation.causes.forbidden");
	}

}
