package org.onestop.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.onestop.appointment.ServiceHalls;
import org.onestop.identity.Departments;
import org.onestop.platform.ProblemException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.Shell;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen's way into the catalog: home, search and browse, matter pages and life events. */
@Controller
class CatalogController {

	private static final int PAGE_SIZE = 20;

	private final Catalog catalog;
	private final CatalogCache cached;
	private final Departments departments;
	private final ServiceHalls halls;

	CatalogController(Catalog catalog, CatalogCache cached, Departments departments, ServiceHalls halls) {
		this.catalog = catalog;
		this.cached = cached;
		this.departments = departments;
		this.halls = halls;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("page", new CatalogPages.HomePage(cached.lifeEvents()));
		return "catalog/home";
	}

	@GetMapping({ "/services", "/search" })
	String services(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
			@RequestParam(required = false) String lifeEvent, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "0") String page, Model model, Locale locale,
			@ModelAttribute("shell") Shell shell) {
		String error = null;
		MatterQuery query;
		try {
			query = CatalogQueries.parse(q, lifeEvent, department, channel, page, String.valueOf(PAGE_SIZE));
		}
		catch (ProblemException ex) {
			error = ex.fields().isEmpty() ? shell.t(ex.detailKey(), ex.args())
					: shell.t(ex.fields().get(0).messageKey(), ex.fields().get(0).args());
			query = new MatterQuery(q != null && q.length() > 200 ? q.substring(0, 200) : q, null, null, null, 0, PAGE_SIZE);
		}
		model.addAttribute("page", new CatalogPages.ServicesPage(q == null ? "" : q, department, lifeEvent, channel,
				catalog.search(query), query.page(), PAGE_SIZE, departments.names(locale), cached.lifeEvents(), error));
		return "catalog/services";
	}

	@GetMapping("/services/{code}")
	String matter(@PathVariable String code, Model model, Locale locale) {
		Matter matter = cached.matter(code)
			.orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
		Map<String, String> hallNames = new LinkedHashMap<>();
		halls.all().forEach(h -> hallNames.put(h.code(), "en".equals(locale.getLanguage()) ? h.nameEn() : h.nameZh()));
		model.addAttribute("page", new CatalogPages.MatterPage(matter,
				departments.names(locale).getOrDefault(matter.definition().department(), ""),
				cached.lifeEvents().stream().filter(e -> matter.definition().lifeEvents().contains(e.code())).toList(),
				hallNames));
		return "catalog/matter";
	}

	@GetMapping("/life-events/{code}")
	String lifeEvent(@PathVariable String code, Model model, Locale locale) {
		LifeEvent event = cached.lifeEvent(code)
			.orElseThrow(() -> new NotFoundException("catalog.life-event.not-found"));
		model.addAttribute("page", new CatalogPages.LifeEventPage(LifeEventView.of(event, cached), departments.names(locale)));
		return "catalog/life-event";
	}

}
