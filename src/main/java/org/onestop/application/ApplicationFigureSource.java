package org.onestop.application;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.onestop.application.ApplicationFigureQueries.MatterTerms;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.EditorialEntry;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition;
import org.onestop.insight.ChannelGroup;
import org.onestop.insight.Figure;
import org.onestop.insight.FigureRows.Column;
import org.onestop.insight.FigureSource;
import org.onestop.insight.Measure;
import org.onestop.insight.Measure.Unit;
import org.onestop.insight.Scope;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.ContactChannel;
import org.onestop.workflow.TaskMinutes;
import org.springframework.stereotype.Component;

/**
 * The applications' burden figures and key performance indicators (promise P8), computed
 * from the applications' own rows: a month's applications are those submitted in it, its
 * completion rate is of those started in it, its digital take-up of those completed in
 * it. What the catalog promises (time limits, trips) is read from the published matters.
 */
@Component
class ApplicationFigureSource implements FigureSource {

	private static final String APPLICATIONS = "applications";

	private static final String KPI = "kpi";

	private static final List<Column> SUBMITTED = List.of(column("submitted", "submitted", "submitted"),
			column("decided", "decided", "submitted"), column("decision-days.median", "days_median", "decided"),
			column("decision-days.p90", "days_p90", "decided"), column("promised-days", "promised", "promised_cases"),
			column("within-promised", "within", "within_cases"), column("trips", "trips", "submitted"),
			column("trips-over-max", "over_max", "over_max_cases"), column("prefilled", "prefilled", "submitted"),
			column("documents-uploaded", "uploaded", "submitted"), column("documents-reused", "reused", "submitted"),
			column("supplement-rounds", "rounds", "submitted"), column("rejections", "rejections", "submitted"),
			column("rejections-reversed", "reversed", "rejected"), column("materials-spared", "spared", "submitted"),
			column("visits", "visits", "submitted"));

	private static final List<Column> STARTED = List.of(column("completion-rate", "completion", "started"));

	private static final List<Column> COMPLETED = List.of(column("digital-take-up", "take_up", "completed"));

	private static final List<Column> COST = List.of(column("staff-minutes", "staff_minutes", "costed"));

	private static final String[] ONLINE = Arrays.stream(ContactChannel.values())
		.filter(ContactChannel::online)
		.map(Enum::name)
		.toArray(String[]::new);

	private final ApplicationFigureQueries queries;

	private final Catalog catalog;

	private final TaskMinutes tasks;

	private final ZoneId zone;

	ApplicationFigureSource(ApplicationFigureQueries queries, Catalog catalog, TaskMinutes tasks,
			PlatformProperties platform) {
		this.queries = queries;
		this.catalog = catalog;
		this.tasks = tasks;
		this.zone = platform.timeZone();
	}

	@Override
	public String name() {
		return APPLICATIONS;
	}

	@Override
	public List<Measure> measures() {
		return List.of(measure("submitted", Unit.COUNT, APPLICATIONS, true),
				measure("decided", Unit.COUNT, APPLICATIONS, false),
				measure("decision-days.median", Unit.WORKING_DAYS, APPLICATIONS, true),
				measure("decision-days.p90", Unit.WORKING_DAYS, APPLICATIONS, false),
				measure("promised-days", Unit.WORKING_DAYS, APPLICATIONS, false),
				measure("within-promised", Unit.SHARE, APPLICATIONS, true),
				measure("trips", Unit.PER_CASE, APPLICATIONS, true),
				measure("trips-over-max", Unit.SHARE, APPLICATIONS, false),
				measure("prefilled", Unit.SHARE, APPLICATIONS, true),
				measure("documents-uploaded", Unit.PER_CASE, APPLICATIONS, false),
				measure("documents-reused", Unit.PER_CASE, APPLICATIONS, false),
				measure("supplement-rounds", Unit.PER_CASE, APPLICATIONS, false),
				measure("rejections", Unit.COUNT, APPLICATIONS, false),
				measure("rejections-reversed", Unit.COUNT, APPLICATIONS, false),
				measure("completion-rate", Unit.SHARE, KPI, true), measure("digital-take-up", Unit.SHARE, KPI, true),
				measure("fully-online", Unit.SHARE, KPI, false), measure("time-limit-saved", Unit.SHARE, KPI, false),
				measure("materials-spared", Unit.SHARE, KPI, true), measure("visits", Unit.PER_CASE, KPI, true),
				measure("staff-minutes", Unit.MINUTES, KPI, false));
	}

	@Override
	public Set<YearMonth> monthsChangedSince(Instant since) {
		return queries.monthsChangedSince(since, zone);
	}

	@Override
	public List<Figure> compute(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		List<MatterDefinition> published = published();
		List<Figure> figures = new ArrayList<>(queries.submitted(from, to, ONLINE, terms(published), SUBMITTED));
		figures.addAll(queries.started(from, to, ONLINE, STARTED));
		figures.addAll(queries.completed(from, to, ONLINE, COMPLETED));
		Map<String, Double> worked = tasks.workedMinutes(queries.completedProcesses(from, to));
		String[] processes = worked.keySet().toArray(String[]::new);
		figures.addAll(queries.cost(from, to, ONLINE, processes,
				Arrays.stream(processes).map(worked::get).toArray(Double[]::new), COST));
		figures.addAll(CatalogPromises.of(published));
		return figures;
	}

	/** The published version of every matter the public can see. */
	private List<MatterDefinition> published() {
		List<String> codes = catalog.editorial()
			.stream()
			.filter(e -> e.publishedVersion() != null)
			.map(EditorialEntry::latest)
			.map(Matter::code)
			.toList();
		return catalog.cachedMatters(codes).stream().map(Matter::definition).filter(Objects::nonNull).toList();
	}

	private static MatterTerms terms(List<MatterDefinition> matters) {
		return new MatterTerms(matters.stream().map(MatterDefinition::code).toArray(String[]::new),
				matters.stream().map(MatterDefinition::promisedDays).toArray(Integer[]::new),
				matters.stream().map(MatterDefinition::statutoryDays).toArray(Integer[]::new),
				matters.stream().map(MatterDefinition::maxTrips).toArray(Integer[]::new));
	}

	private static Measure measure(String name, Unit unit, String section, boolean chart) {
		return new Measure(APPLICATIONS + "." + name, unit, section, chart);
	}

	private static Column column(String name, String value, String cases) {
		return new Column(APPLICATIONS + "." + name, value, cases);
	}

	/**
	 * The catalog's own promises, the same whatever the month (they describe the matters
	 * published now): the share of matters done fully online (全程网办) and the share of the
	 * statutory time limits the promised ones save (减时限), for the city and each
	 * department, counted in matters.
	 */
	static final class CatalogPromises {

		private CatalogPromises() {
		}

		static List<Figure> of(List<MatterDefinition> published) {
			List<Figure> figures = new ArrayList<>();
			Map<String, List<MatterDefinition>> byDepartment = new TreeMap<>();
			published.forEach(m -> byDepartment.computeIfAbsent(m.department(), d -> new ArrayList<>()).add(m));
			figures.addAll(of(Scope.CITY, "", published));
			byDepartment.forEach((department, matters) -> figures.addAll(of(Scope.DEPARTMENT, department, matters)));
			return figures;
		}

		private static List<Figure> of(Scope scope, String subject, List<MatterDefinition> matters) {
			long online = matters.stream().filter(m -> m.channel() == MatterDefinition.Channel.ONLINE).count();
			long statutory = matters.stream().mapToLong(MatterDefinition::statutoryDays).sum();
			long promised = matters.stream().mapToLong(MatterDefinition::promisedDays).sum();
			Double saved = statutory == 0 ? null : (double) (statutory - promised) / statutory;
			return List.of(
					new Figure(APPLICATIONS + ".fully-online", scope, subject, ChannelGroup.ALL,
							matters.isEmpty() ? null : (double) online / matters.size(), matters.size()),
					new Figure(APPLICATIONS + ".time-limit-saved", scope, subject, ChannelGroup.ALL, saved,
							matters.size()));
		}

	}

}
