package org.onestop.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.catalog.CatalogSearchResults;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the public catalog pages show; public because the compiled templates read them.
 */
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
	public record ServicesPage(String q, String department, String lifeEvent, String channel,
			CatalogSearchResults results, int page, int size, Map<String, String> departments,
			List<LifeEvent> lifeEvents, String error) {

		public boolean hasNext() {
			return (long) (page + 1) * size < results.total();
		}

		public String departmentName(String code) {
			return departments.getOrDefault(code, code);
		}

		/** This search, on another page. */
		public String link(int toPage) {
			return UriComponentsBuilder.fromPath("/services")
				.queryParamIfPresent("q", present(q))
				.queryParamIfPresent("department", present(department))
				.queryParamIfPresent("lifeEvent", present(lifeEvent))
				.queryParamIfPresent("channel", present(channel))
				.queryParam("page", toPage)
				.encode()
				.toUriString();
		}

		private static Optional<String> present(String value) {
			return Optional.ofNullable(value).filter(v -> !v.isBlank());
		}
	}

	/** One matter. */
	public record MatterPage(Matter matter, String departmentName, List<LifeEvent> lifeEvents,
			Map<String, String> hallNames) {

		/**
		 * The matter with its department's name, its life events and its halls' names in
		 * the page's language.
		 */
		static MatterPage of(Matter matter, Map<String, String> departmentNames, List<LifeEvent> allLifeEvents,
				Map<String, String> hallNames) {
			return new MatterPage(matter, departmentNames.getOrDefault(matter.definition().department(), ""),
					allLifeEvents.stream().filter(e -> matter.definition().lifeEvents().contains(e.code())).toList(),
					hallNames);
		}
	}

	/** One life event with its matters. */
	public record LifeEventPage(LifeEventView view, Map<String, String> departments) {

		public String departmentName(String code) {
			return departments.getOrDefault(code, code);
		}
	}

}
