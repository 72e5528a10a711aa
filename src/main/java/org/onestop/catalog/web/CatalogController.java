package org.onestop.catalog.web;

import java.util.Locale;
import java.util.Map;

import org.onestop.appointment.HallNames;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterQuery;
import org.onestop.identity.DepartmentNames;
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

	private final DepartmentNames departments;

	private final HallNames halls;

	private final PublicFragments fragments;

	CatalogController(Catalog catalog, DepartmentNames departments, HallNames halls, PublicFragments fragments) {
		this.catalog = catalog;
		this.departments = departments;
		this.halls = halls;
		this.fragments = fragments;
	}

	/**
	 * The catalog's blocks are the same for everyone; what depends on who is signed in
	 * stays in the page template, rendered for each request.
	 */
	@GetMapping("/")
	String home(Model model, Locale locale) {
		CatalogPages.HomePage page = new CatalogPages.HomePage(catalog.cachedLifeEvents());
		model.addAttribute("page", page);
		model.addAttribute("catalog", fragments.render("catalog/home-catalog.jte", locale, page));
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
		// The results are the same for everyone who asks the same: the search runs once
		// per catalog revision, language, department names and question, not per request.
		String text = q == null ? "" : q;
		Map<String, String> names = departments.names(locale);
		MatterQuery asked = query;
		String refusal = error;
		SearchKey key = new SearchKey(text, department, lifeEvent, channel, asked, refusal, names);
		String body = fragments.render("catalog/services-body.jte", locale, catalog.revision(), key,
				() -> new CatalogPages.ServicesPage(text, department, lifeEvent, channel, catalog.search(asked),
						asked.page(), PAGE_SIZE, names, catalog.cachedLifeEvents(), refusal));
		model.addAttribute("q", text);
		model.addAttribute("body", body);
		return "catalog/services";
	}

	/** Everything a search page's results are made from, besides the catalog revision. */
	private record SearchKey(String q, String department, String lifeEvent, String channel, MatterQuery query,
			String error, Map<String, String> departmentNames) {
	}

	@GetMapping("/services/{code}")
	String matter(@PathVariable String code, Model model, Locale locale) {
		Matter matter = catalog.cachedMatter(code).orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
		return page(model, "catalog/matter", CatalogPages.MatterPage.of(matter, departments.names(locale),
				catalog.cachedLifeEvents(), halls.names(locale)), locale);
	}

	@GetMapping("/life-events/{code}")
	String lifeEvent(@PathVariable String code, Model model, Locale locale) {
		LifeEvent event = catalog.cachedLifeEvent(code)
			.orElseThrow(() -> new NotFoundException("catalog.life-event.not-found"));
		return page(model, "catalog/life-event",
				new CatalogPages.LifeEventPage(LifeEventView.of(event, catalog), departments.names(locale)), locale);
	}

	/** The page, its body rendered once for everyone who reads the same thing. */
	private String page(Model model, String view, Object page, Locale locale) {
		model.addAttribute("page", page);
		model.addAttribute("body", fragments.render(view + "-body.jte", locale, page));
		return view;
	}

}
