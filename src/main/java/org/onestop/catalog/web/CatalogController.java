package org.onestop.catalog.web;

import java.util.Locale;

import org.onestop.appointment.ServiceHalls;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterQuery;
import org.onestop.identity.Departments;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's way into the catalog: home, search and browse, matter pages and life
 * events.
 */
@Controller
class CatalogController {

	private static final int PAGE_SIZE = 20;

	private final Catalog catalog;

	private final Departments departments;

	private final ServiceHalls halls;

	CatalogController(Catalog catalog, Departments departments, ServiceHalls halls) {
		this.catalog = catalog;
		this.departments = departments;
		this.halls = halls;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("page", new CatalogPages.HomePage(catalog.cachedLifeEvents()));
		return "catalog/home";
	}

	/**
	 * Search paging keeps its own range (the index answers at most 10,000 hits), refused
	 * beside the results.
	 */
	@GetMapping({ "/services", "/search" })
	String services(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
			@RequestParam(required = false) String lifeEvent, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "0") String page, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		String error = null;
		MatterQuery query;
		try {
			query = SearchParameters.parse(q, lifeEvent, department, channel, page, String.valueOf(PAGE_SIZE));
		}
		catch (ProblemException refusal) {
			error = shell.message(refusal);
			query = new MatterQuery(q != null && q.length() > 200 ? q.substring(0, 200) : q, null, null, null, 0,
					PAGE_SIZE);
		}
		model.addAttribute("page",
				new CatalogPages.ServicesPage(q == null ? "" : q, department, lifeEvent, channel, catalog.search(query),
						query.page(), PAGE_SIZE, departments.names(locale), catalog.cachedLifeEvents(), error));
		return "catalog/services";
	}

	@GetMapping("/services/{code}")
	String matter(@PathVariable String code, Model model, Locale locale) {
		Matter matter = catalog.cachedMatter(code).orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
		model.addAttribute("page", CatalogPages.MatterPage.of(matter, departments.names(locale),
				catalog.cachedLifeEvents(), halls.all(), locale));
		return "catalog/matter";
	}

	@GetMapping("/life-events/{code}")
	String lifeEvent(@PathVariable String code, Model model, Locale locale) {
		LifeEvent event = catalog.cachedLifeEvent(code)
			.orElseThrow(() -> new NotFoundException("catalog.life-event.not-found"));
		model.addAttribute("page",
				new CatalogPages.LifeEventPage(LifeEventView.of(event, catalog), departments.names(locale)));
		return "catalog/life-event";
	}

}
