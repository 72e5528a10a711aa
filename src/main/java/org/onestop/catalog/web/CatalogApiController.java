package org.onestop.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.catalog.CatalogSearchResults;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterQuery;
import org.onestop.catalog.MatterDefinition;
import org.onestop.identity.DepartmentNames;
import org.onestop.platform.NotFoundException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog: search, matters and life events, for anyone. */
@RestController
class CatalogApiController {

	private final Catalog catalog;

	private final DepartmentNames departments;

	private final ServiceListAnswers answers;

	CatalogApiController(Catalog catalog, DepartmentNames departments, ServiceListAnswers answers) {
		this.catalog = catalog;
		this.departments = departments;
		this.answers = answers;
	}

	/**
	 * What the services list answers, for the API's description (written as JSON once,
	 * see ServiceListAnswers).
	 */
	record ServicePage(List<ServiceSummary> items, long total) {
	}

	record ServiceSummary(String code, String name, String department, String departmentName, Channel channel,
			int maxTrips, int promisedDays) {
	}

	@GetMapping("/api/v1/services")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServicePage.class)))
	ResponseEntity<byte[]> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String lifeEvent, @RequestParam(required = false) String department,
			@RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "20") String size, Locale locale) {
		MatterQuery query = SearchParameters.parse(q, lifeEvent, department, channel, page, size);
		Map<String, String> names = departments.names(locale);
		byte[] body = answers.answer(query, locale.getLanguage(), names, () -> {
			CatalogSearchResults results = catalog.search(query);
			List<ServiceSummary> items = results.items().stream().map(m -> {
				MatterDefinition d = m.definition();
				return new ServiceSummary(d.code(), d.name().in(locale), d.department(),
						names.getOrDefault(d.department(), d.department()), d.channel(), d.maxTrips(),
						d.promisedDays());
			}).toList();
			return new ServicePage(items, results.total());
		});
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@GetMapping("/api/v1/services/{code}")
	Matter matter(@PathVariable String code) {
		return catalog.cachedMatter(code).orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
	}

	@GetMapping("/api/v1/life-events")
	List<Map<String, Object>> lifeEvents(Locale locale) {
		return catalog.cachedLifeEvents().stream().map(e -> {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("code", e.code());
			event.put("name", e.name().in(locale));
			event.put("description", e.description().in(locale));
			return event;
		}).toList();
	}

	@GetMapping("/api/v1/life-events/{code}")
	Map<String, Object> lifeEvent(@PathVariable String code, Locale locale) {
		LifeEvent event = catalog.cachedLifeEvent(code)
			.orElseThrow(() -> new NotFoundException("catalog.life-event.not-found"));
		LifeEventView view = LifeEventView.of(event, catalog);
		Map<String, String> names = departments.names(locale);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", event.code());
		body.put("name", event.name().in(locale));
		body.put("description", event.description().in(locale));
		body.put("matters", view.matters().stream().map(m -> summary(m, names, locale)).toList());
		body.put("bundle", event.bundle());
		body.put("totalMaxTrips", view.totalMaxTrips());
		body.put("totalPromisedDays", view.totalPromisedDays());
		return body;
	}

	private static Map<String, Object> summary(Matter matter, Map<String, String> departmentNames, Locale locale) {
		MatterDefinition m = matter.definition();
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("code", m.code());
		item.put("name", m.name().in(locale));
		item.put("department", m.department());
		item.put("departmentName", departmentNames.getOrDefault(m.department(), m.department()));
		item.put("channel", m.channel());
		item.put("maxTrips", m.maxTrips());
		item.put("promisedDays", m.promisedDays());
		return item;
	}

}
