package org.onestop.queue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onestop.appointment.MatterDepartments;
import org.onestop.insight.Figure;
import org.onestop.insight.FigureRows.Column;
import org.onestop.insight.FigureSource;
import org.onestop.insight.Measure;
import org.onestop.insight.Measure.Unit;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * The halls' figures: tickets drawn, served and missed, and the waits from drawing a
 * ticket to being called, walk-in against appointment. A month's tickets are those drawn
 * in it. The channel is the one recorded on the ticket (a kiosk or a counter: a visit to
 * a hall is offline, even when the appointment behind it was booked online; the walk-in
 * against appointment split is where online booking shows).
 */
@Component
class HallFigureSource implements FigureSource {

	private static final String HALLS = "halls";

	private static final List<Column> COLUMNS = List.of(column("tickets", "issued", "issued"),
			column("served", "served", "issued"), column("no-shows", "no_shows", "issued"),
			column("wait.walk-in.median", "walk_in_median", "walk_in_waits"),
			column("wait.walk-in.p90", "walk_in_p90", "walk_in_waits"),
			column("wait.appointment.median", "appointment_median", "appointment_waits"),
			column("wait.appointment.p90", "appointment_p90", "appointment_waits"));

	private static final String[] ONLINE = Arrays.stream(ContactChannel.values())
		.filter(ContactChannel::online)
		.map(Enum::name)
		.toArray(String[]::new);

	private final HallFigureQueries queries;

	private final MatterDepartments departments;

	private final ZoneId zone;

	HallFigureSource(HallFigureQueries queries, MatterDepartments departments, PlatformProperties platform) {
		this.queries = queries;
		this.departments = departments;
		this.zone = platform.timeZone();
	}

	@Override
	public String name() {
		return HALLS;
	}

	@Override
	public List<Measure> measures() {
		return List.of(measure("tickets", Unit.COUNT, true), measure("served", Unit.COUNT, false),
				measure("no-shows", Unit.COUNT, false), measure("wait.walk-in.median", Unit.MINUTES, true),
				measure("wait.walk-in.p90", Unit.MINUTES, false),
				measure("wait.appointment.median", Unit.MINUTES, true),
				measure("wait.appointment.p90", Unit.MINUTES, false));
	}

	@Override
	public Set<YearMonth> monthsChangedSince(Instant since) {
		return queries.monthsChangedSince(since, zone);
	}

	@Override
	public List<Figure> compute(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Map<String, String> byMatter = departments.of(queries.matters(from, to));
		String[] codes = byMatter.keySet().toArray(String[]::new);
		String[] owners = Arrays.stream(codes).map(byMatter::get).toArray(String[]::new);
		return queries.month(from, to, ONLINE, codes, owners, COLUMNS);
	}

	private static Measure measure(String name, Unit unit, boolean chart) {
		return new Measure(HALLS + "." + name, unit, HALLS, chart);
	}

	private static Column column(String name, String value, String cases) {
		return new Column(HALLS + "." + name, value, cases);
	}

}
