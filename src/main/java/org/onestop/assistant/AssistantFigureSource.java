package org.onestop.assistant;

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
 * The assistant's figures: conversations begun, handoffs to a person, the time from
 * asking for a person to an agent accepting, and the share of conversations that needed
 * none. A month's conversations are those begun in it; the channel is the one recorded on
 * each conversation (the web is online, the hotline offline).
 */
@Component
class AssistantFigureSource implements FigureSource {

	private static final String ASSISTANT = "assistant";

	private static final List<Column> COLUMNS = List.of(column("conversations", "conversations", "conversations"),
			column("handoffs", "handoffs", "conversations"),
			column("without-person", "without_person", "conversations"),
			column("time-to-person.median", "to_person_median", "connected"),
			column("time-to-person.p95", "to_person_p95", "connected"));

	private static final String[] ONLINE = Arrays.stream(ContactChannel.values())
		.filter(ContactChannel::online)
		.map(Enum::name)
		.toArray(String[]::new);

	private final AssistantFigureQueries queries;

	private final MatterDepartments departments;

	private final ZoneId zone;

	AssistantFigureSource(AssistantFigureQueries queries, MatterDepartments departments, PlatformProperties platform) {
		this.queries = queries;
		this.departments = departments;
		this.zone = platform.timeZone();
	}

	@Override
	public String name() {
		return ASSISTANT;
	}

	@Override
	public List<Measure> measures() {
		return List.of(measure("conversations", Unit.COUNT, true), measure("handoffs", Unit.COUNT, false),
				measure("without-person", Unit.SHARE, true), measure("time-to-person.median", Unit.SECONDS, true),
				measure("time-to-person.p95", Unit.SECONDS, false));
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
		return new Measure(ASSISTANT + "." + name, unit, ASSISTANT, chart);
	}

	private static Column column(String name, String value, String cases) {
		return new Column(ASSISTANT + "." + name, value, cases);
	}

}
