package org.onestop.catalog;

import java.util.List;
import java.util.Map;

/** What the catalog pages show; public because the compiled templates read them. */
public final class CatalogPages {

	private CatalogPages() {
	}

	/** The home page: the search box and the life events. */
	public record HomePage(List<LifeEvent> lifeEvents) {
	}

	/**
	 * Search results and browsing: the query, filters and one page of matters.
	 *
	 * @param departments department code to name, in the page's language
	 */
	public record ServicesPage(String q, String department, String lifeEvent, String channel, CatalogSearchResults results,
			int page, int size, Map<String, String> departments, List<LifeEvent> lifeEvents, String error) {

		public boolean hasNext() {
			return (long) (page + 1) * size < results.total();
		}

		public String departmentName(String code) {
			return departments.getOrDefault(code, code);
		}

		/** This search, on another page. */
		public String link(int toPage) {
			return org.springframework.web.util.UriComponentsBuilder.fromPath("/services")
				.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(v -> !v.isBlank()))
				.queryParamIfPresent("department", java.util.Optional.ofNullable(department).filter(v -> !v.isBlank()))
				.queryParamIfPresent("lifeEvent", java.util.Optional.ofNullable(lifeEvent).filter(v -> !v.isBlank()))
				.queryParamIfPresent("channel", java.util.Optional.ofNullable(channel).filter(v -> !v.isBlank()))
				.queryParam("page", toPage)
				.encode()
				.toUriString();
		}
	}

	/** One matter. */
	public record MatterPage(Matter matter, String departmentName, List<LifeEvent> lifeEvents,
			Map<String, String> hallNames) {
	}

	/** One life event with its matters. */
	public record LifeEventPage(LifeEventView view, Map<String, String> departments) {

		public String departmentName(String code) {
			return departments.getOrDefault(code, code);
		}
	}

	/** The editors' overview of all matters. */
	public record EditorialPage(List<EditorialEntry> entries) {
	}

	/**
	 * The matter editor.
	 *
	 * @param code null for a new matter
	 */
	public record MatterEditPage(String code, MatterForm form, Map<String, String> errors,
			List<org.onestop.identity.Department> departments, List<LifeEvent> lifeEvents, Map<String, String> halls) {

		public String action() {
			return code == null ? "/admin/catalog" : "/admin/catalog/" + code;
		}

		public String error(String field) {
			return errors.get(field);
		}
	}

	/** The editors' list of life events. */
	public record LifeEventAdminPage(List<LifeEvent> events) {
	}

	/** The life-event editor; {@code code} is null for a new one. */
	public record LifeEventEditPage(String code, LifeEventForm form, Map<String, String> errors) {

		public String action() {
			return code == null ? "/admin/catalog/life-events" : "/admin/catalog/life-events/" + code;
		}
	}
}
