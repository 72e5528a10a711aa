package org.onestop.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.onestop.complaint.PublishedFigureQueries.ChannelCounts;
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.FigureSource;
import org.onestop.insight.Measure;
import org.onestop.insight.Measure.Unit;
import org.onestop.insight.Scope;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The three public rates (接诉即办 "三率") on the city's figures page, per department and city
 * month, online against offline: the definitions of {@link ComplaintFigures}, each rate a
 * share of its own denominator (its cases), null over nothing. Insight stores what this
 * computes; the complaint module's own figures page stays live.
 */
@Component
class ComplaintFigureSource implements FigureSource {

	static final String RESPONSE = "complaints.response-rate";

	static final String RESOLUTION = "complaints.resolution-rate";

	static final String SATISFACTION = "complaints.satisfaction-rate";

	private static final List<Measure> MEASURES = List.of(new Measure(RESPONSE, Unit.SHARE, "complaints", true),
			new Measure(RESOLUTION, Unit.SHARE, "complaints", true),
			new Measure(SATISFACTION, Unit.SHARE, "complaints", true));

	private final PublishedFigureQueries queries;

	private final Clock clock;

	private final ZoneId zone;

	ComplaintFigureSource(PublishedFigureQueries queries, Clock clock, PlatformProperties platform) {
		this.queries = queries;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	@Override
	public String name() {
		return "complaints";
	}

	@Override
	public List<Measure> measures() {
		return MEASURES;
	}

	@Override
	public Set<YearMonth> monthsChangedSince(Instant since) {
		Set<YearMonth> months = queries.changedSince(since, zone);
		// The month under way changes as its deadlines fall, with no row written.
		months.add(YearMonth.now(clock.withZone(zone)));
		return months;
	}

	@Override
	public List<Figure> compute(YearMonth month) {
		Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		// As on the complaints' own page: a deadline still ahead has not fallen yet.
		Instant now = clock.instant();
		if (now.isBefore(end)) {
			end = now;
		}
		if (!start.isBefore(end)) {
			return List.of();
		}
		Map<String, Map<ChannelGroup, long[]>> byDepartment = new TreeMap<>();
		Map<ChannelGroup, long[]> city = new EnumMap<>(ChannelGroup.class);
		for (ChannelCounts c : queries.counts(start, end)) {
			long[] counts = { c.due(), c.respondedInTime(), c.withVerdict(), c.solved(), c.rated(), c.satisfied() };
			Map<ChannelGroup, long[]> department = byDepartment.computeIfAbsent(c.department(),
					d -> new EnumMap<>(ChannelGroup.class));
			for (ChannelGroup group : List.of(ChannelGroup.ALL, ChannelGroup.of(c.channel()))) {
				add(department, group, counts);
				add(city, group, counts);
			}
		}
		List<Figure> figures = new ArrayList<>();
		rates(figures, Scope.CITY, "", city);
		byDepartment.forEach((department, counts) -> rates(figures, Scope.DEPARTMENT, department, counts));
		return figures;
	}

	private static void add(Map<ChannelGroup, long[]> sums, ChannelGroup group, long[] counts) {
		long[] sum = sums.computeIfAbsent(group, g -> new long[counts.length]);
		for (int i = 0; i < counts.length; i++) {
			sum[i] += counts[i];
		}
	}

	private static void rates(List<Figure> figures, Scope scope, String subject, Map<ChannelGroup, long[]> sums) {
		for (ChannelGroup group : ChannelGroup.values()) {
			long[] c = sums.getOrDefault(group, new long[6]);
			figures.add(new Figure(RESPONSE, scope, subject, group, share(c[1], c[0]), c[0]));
			figures.add(new Figure(RESOLUTION, scope, subject, group, share(c[3], c[2]), c[2]));
			figures.add(new Figure(SATISFACTION, scope, subject, group, share(c[5], c[4]), c[4]));
		}
	}

	private static Double share(long count, long of) {
		return of == 0 ? null : (double) count / of;
	}

}
