package org.onestop.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.FigureSource;
import org.onestop.insight.Measure;
import org.onestop.insight.Measure.Unit;
import org.onestop.insight.Scope;
import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The ratings' figures (好差评 in public): how many ratings, at each level, the GOV.UK
 * user-satisfaction share, how many a supervisor excluded (left out of every other
 * figure), and the follow-ups of bad ratings: opened, replied on time, put right in the
 * citizen's words. A rating counts in the city month it was first given; a follow-up in
 * the month it was opened, fell due or was judged.
 */
@Component
class RatingFigures implements FigureSource {

	static final String NAME = "ratings";

	private static final String SECTION = "ratings";

	/**
	 * The total the five levels add up to (declared so the public suppression protects
	 * the sum).
	 */
	private static final String COUNT = "ratings.count";

	private static final List<Measure> MEASURES = List.of(new Measure(COUNT, Unit.COUNT, SECTION, true),
			new Measure("ratings.satisfaction", Unit.SHARE, SECTION, true),
			new Measure("ratings.level-5", Unit.COUNT, SECTION, false, COUNT),
			new Measure("ratings.level-4", Unit.COUNT, SECTION, false, COUNT),
			new Measure("ratings.level-3", Unit.COUNT, SECTION, false, COUNT),
			new Measure("ratings.level-2", Unit.COUNT, SECTION, false, COUNT),
			new Measure("ratings.level-1", Unit.COUNT, SECTION, false, COUNT),
			new Measure("ratings.excluded", Unit.COUNT, SECTION, false),
			new Measure("ratings.follow-ups", Unit.COUNT, SECTION, false),
			new Measure("ratings.follow-ups.on-time", Unit.SHARE, SECTION, true),
			new Measure("ratings.follow-ups.put-right", Unit.SHARE, SECTION, false));

	private final RatingFigureQueries queries;

	private final Clock clock;

	private final ZoneId zone;

	RatingFigures(RatingFigureQueries queries, Clock clock, PlatformProperties platform) {
		this.queries = queries;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Measure> measures() {
		return MEASURES;
	}

	@Override
	public Set<YearMonth> monthsChangedSince(Instant since) {
		Set<YearMonth> months = new TreeSet<>();
		queries.changedSince(since, clock.instant(), zone.getId()).forEach(m -> months.add(YearMonth.parse(m)));
		return months;
	}

	@Override
	public List<Figure> compute(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		List<Figure> figures = new ArrayList<>();
		for (RatingFigureQueries.RatingCell c : queries.ratings(from, to)) {
			if (c.subject() == null) {
				continue;
			}
			Scope scope = Scope.valueOf(c.scope());
			ChannelGroup channel = ChannelGroup.valueOf(c.channel());
			figures.add(count("ratings.count", scope, c.subject(), channel, c.ratings()));
			figures.add(share("ratings.satisfaction", scope, c.subject(), channel, c.satisfied(), c.ratings()));
			for (int level = 5; level >= 1; level--) {
				figures.add(count("ratings.level-" + level, scope, c.subject(), channel, c.levels()[level - 1]));
			}
			figures.add(count("ratings.excluded", scope, c.subject(), channel, c.excluded()));
		}
		for (RatingFigureQueries.FollowUpCell c : queries.followUps(from, to, clock.instant())) {
			if (c.subject() == null) {
				continue;
			}
			Scope scope = Scope.valueOf(c.scope());
			ChannelGroup channel = ChannelGroup.valueOf(c.channel());
			figures.add(count("ratings.follow-ups", scope, c.subject(), channel, c.opened()));
			figures.add(share("ratings.follow-ups.on-time", scope, c.subject(), channel, c.onTime(), c.due()));
			figures.add(share("ratings.follow-ups.put-right", scope, c.subject(), channel, c.putRight(), c.verdicts()));
		}
		return figures;
	}

	/** A count rests on the records it counts: a count under 5 is a small cell. */
	private static Figure count(String measure, Scope scope, String subject, ChannelGroup channel, long n) {
		return new Figure(measure, scope, subject, channel, (double) n, n);
	}

	/** A share rests on its denominator; undefined (null) when that is none. */
	private static Figure share(String measure, Scope scope, String subject, ChannelGroup channel, long part,
			long whole) {
		return new Figure(measure, scope, subject, channel, whole == 0 ? null : (double) part / whole, whole);
	}

}
