package org.onestop.insight;

import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.appointment.MatterDepartments;
import org.onestop.appointment.ServiceHall;
import org.onestop.appointment.ServiceHalls;
import org.onestop.identity.Departments;
import org.onestop.insight.FigureSheet.Cell;
import org.onestop.insight.FigureSheet.MeasureView;
import org.onestop.insight.FigureSheet.Row;
import org.onestop.insight.FigureSheet.Section;
import org.onestop.platform.Messages;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Turns a month's stored figures into a {@link FigureSheet}: sections in the published
 * order, names and definitions in the reader's language, subjects by name, values written
 * in their unit, and for the public every cell resting on too few cases suppressed.
 */
@Component
class SheetBuilder {

	/** Sections shown first, in this order; any other source's follow. */
	static final List<String> SECTION_ORDER = List.of("kpi", "applications", "halls", "assistant", "ratings",
			"complaints");

	private final List<FigureSource> sources;

	private final Messages messages;

	private final Departments departments;

	private final MatterDepartments matters;

	private final ServiceHalls halls;

	private final ObjectMapper json;

	SheetBuilder(List<FigureSource> sources, Messages messages, Departments departments, MatterDepartments matters,
			ServiceHalls halls, ObjectMapper json) {
		this.sources = sources;
		this.messages = messages;
		this.departments = departments;
		this.matters = matters;
		this.halls = halls;
		this.json = json;
	}

	FigureSheet build(YearMonth month, Map<YearMonth, List<Figure>> byMonth, Locale locale, boolean open,
			String department, Set<String> departmentMatters) {
		// figure -> shown cell, month by month (suppression looks at one month's
		// siblings)
		Map<YearMonth, Map<List<Object>, Figure>> index = new LinkedHashMap<>();
		Set<Figure> hidden = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		Set<String> matterCodes = new HashSet<>();
		Map<String, String> partOf = new HashMap<>();
		this.sources.forEach(source -> source.measures()
			.stream()
			.filter(measure -> measure.partOf() != null)
			.forEach(measure -> partOf.put(measure.key(), measure.partOf())));
		byMonth.forEach((m, figures) -> {
			Map<List<Object>, Figure> cells = new LinkedHashMap<>();
			figures.forEach(f -> {
				cells.put(List.of(f.measure(), f.scope(), f.subject(), f.channel()), f);
				if (f.scope() == Scope.MATTER) {
					matterCodes.add(f.subject());
				}
			});
			index.put(m, cells);
			if (open) {
				hidden.addAll(Suppression.suppressed(figures, partOf));
			}
		});
		Map<String, String> departmentNames = departments.names(locale);
		Map<String, LocalizedText> matterNames = matters.names(matterCodes);
		Collator collator = Collator.getInstance(locale);
		Map<String, List<MeasureView>> sections = new LinkedHashMap<>();
		SECTION_ORDER.forEach(s -> sections.put(s, new ArrayList<>()));
		Map<YearMonth, Map<List<Object>, Figure>> trendIndex = index;
		Map<List<Object>, Figure> current = index.getOrDefault(month, Map.of());
		for (FigureSource source : sources) {
			for (Measure measure : source.measures()) {
				List<Row> trend = new ArrayList<>();
				for (YearMonth m : byMonth.keySet()) {
					Map<List<Object>, Figure> cells = trendIndex.get(m);
					trend.add(row(m.toString(), m.toString(), measure, Scope.CITY, "", cells, hidden, locale));
				}
				Map<Scope, List<Row>> bySubject = new EnumMap<>(Scope.class);
				Map<Scope, Set<String>> subjects = new EnumMap<>(Scope.class);
				for (List<Object> k : current.keySet()) {
					if (k.get(0).equals(measure.key()) && k.get(1) != Scope.CITY) {
						subjects.computeIfAbsent((Scope) k.get(1), s -> new java.util.TreeSet<>())
							.add((String) k.get(2));
					}
				}
				subjects.forEach((scope, codes) -> {
					List<Row> rows = new ArrayList<>();
					for (String code : codes) {
						if (!visible(scope, code, department, departmentMatters)) {
							continue;
						}
						rows.add(row(code, name(scope, code, departmentNames, matterNames, locale), measure, scope,
								code, current, hidden, locale));
					}
					rows.sort(Comparator.comparing(Row::name, collator).thenComparing(Row::code));
					bySubject.put(scope, rows);
				});
				String id = "m-" + measure.key().replace('.', '-');
				String name = messages.get(locale, "figures.measure." + measure.key());
				sections.computeIfAbsent(measure.section(), s -> new ArrayList<>())
					.add(new MeasureView(measure.key(), id, name,
							messages.get(locale, "figures.measure." + measure.key() + ".definition"), measure.chart(),
							measure.chart() ? chart(measure, trend, locale) : null, trend,
							bySubject.getOrDefault(Scope.DEPARTMENT, List.of()),
							bySubject.getOrDefault(Scope.MATTER, List.of()),
							bySubject.getOrDefault(Scope.HALL, List.of())));
			}
		}
		List<Section> shown = new ArrayList<>();
		sections.forEach((key, measures) -> {
			if (!measures.isEmpty()) {
				shown.add(new Section(key, messages.get(locale, "figures.section." + key), measures));
			}
		});
		return new FigureSheet(month.toString(), open, byMonth.keySet().stream().map(YearMonth::toString).toList(),
				shown);
	}

	private static boolean visible(Scope scope, String code, String department, Set<String> departmentMatters) {
		if (department == null) {
			return true;
		}
		return switch (scope) {
			case DEPARTMENT -> department.equals(code);
			case MATTER -> departmentMatters.contains(code);
			default -> true;
		};
	}

	private String name(Scope scope, String code, Map<String, String> departmentNames,
			Map<String, LocalizedText> matterNames, Locale locale) {
		// A subject the directory no longer knows keeps its code rather than vanishing:
		// the figures happened.
		return switch (scope) {
			case DEPARTMENT -> departmentNames.getOrDefault(code, code);
			case MATTER -> matterNames.containsKey(code) ? matterNames.get(code).in(locale) : code;
			case HALL -> halls.find(code).map((ServiceHall h) -> h.name(locale)).orElse(code);
			case CITY -> "";
		};
	}

	private Row row(String code, String name, Measure measure, Scope scope, String subject,
			Map<List<Object>, Figure> cells, Set<Figure> hidden, Locale locale) {
		return new Row(code, name,
				cell(cells.get(List.of(measure.key(), scope, subject, ChannelGroup.ALL)), measure, hidden, locale),
				cell(cells.get(List.of(measure.key(), scope, subject, ChannelGroup.ONLINE)), measure, hidden, locale),
				cell(cells.get(List.of(measure.key(), scope, subject, ChannelGroup.OFFLINE)), measure, hidden, locale));
	}

	private Cell cell(Figure figure, Measure measure, Set<Figure> hidden, Locale locale) {
		if (figure == null) {
			return new Cell(null, 0L, false, messages.get(locale, "figures.cell.none"));
		}
		if (hidden.contains(figure)) {
			return new Cell(null, null, true, messages.get(locale, "figures.cell.suppressed", Suppression.MIN_CASES));
		}
		if (figure.value() == null) {
			return new Cell(null, figure.cases(), false, messages.get(locale, "figures.cell.none"));
		}
		return new Cell(figure.value(), figure.cases(), false, ValueFormat.text(measure.unit(), figure.value(),
				messages.get(locale, "figures.unit." + measure.unit().name())));
	}

	private String chart(Measure measure, List<Row> trend, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("months", trend.stream().map(Row::code).toList());
		data.put("online", trend.stream().map(r -> ValueFormat.plot(measure.unit(), r.online().value())).toList());
		data.put("offline", trend.stream().map(r -> ValueFormat.plot(measure.unit(), r.offline().value())).toList());
		data.put("onlineLabel", messages.get(locale, "figures.channel.ONLINE"));
		data.put("offlineLabel", messages.get(locale, "figures.channel.OFFLINE"));
		data.put("share", measure.unit() == Measure.Unit.SHARE);
		try {
			return json.writeValueAsString(data);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
