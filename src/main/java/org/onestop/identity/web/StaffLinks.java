package org.onestop.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.StaffBar;
import org.onestop.platform.StaffNavigation;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * The staff navigation: the pages each role opens, in one place, so that the header and
 * the staff home never offer a page the server would refuse. Each rule mirrors the
 * authorisation declared on the page's controller.
 */
@Component
class StaffLinks implements StaffNavigation {

	/** The dispatch centre (12345 热线派单中心), whose head dispatches rather than handles. */
	private static final String DISPATCH_CENTRE = "DC";

	private final Departments departments;

	StaffLinks(Departments departments) {
		this.departments = departments;
	}

	@Override
	public StaffBar bar(SignedInUser signedIn, Locale locale) {
		String department = signedIn.department() == null ? ""
				: departments.byCode(signedIn.department()).map(d -> d.name(locale)).orElse("");
		List<StaffBar.Link> links = signedIn instanceof OneStopUser user ? links(user) : List.of(home());
		return new StaffBar(signedIn.displayName(), department, links);
	}

	static List<StaffBar.Link> links(OneStopUser user) {
		List<StaffBar.Link> links = new ArrayList<>();
		links.add(home());
		links.add(link("/staff/tasks", "tasks", "task-inbox"));
		links.add(link("/staff/corrections", "corrections"));
		if (user.has(Role.SUPERVISOR) || user.has(Role.DEPARTMENT_HEAD) || user.has(Role.AUDITOR)) {
			links.add(link("/staff/discretion-log", "discretion-log"));
		}
		if (user.has(Role.CLERK)) {
			links.add(link("/staff/counters", "counters"));
			links.add(link("/staff/mandates", "mandates"));
		}
		boolean centre = DISPATCH_CENTRE.equals(user.departmentCode());
		if (user.has(Role.DISPATCHER) || (user.has(Role.DEPARTMENT_HEAD) && centre)) {
			links.add(link("/staff/dispatch", "dispatch", "dispatch-console"));
		}
		if ((user.has(Role.COMPLAINT_HANDLER) || user.has(Role.DEPARTMENT_HEAD)) && !centre) {
			links.add(link("/staff/complaints", "complaints", "complaint-inbox"));
		}
		if (user.has(Role.AGENT)) {
			links.add(link("/staff/agent", "agent", "agent-console"));
			links.add(link("/staff/complaints/follow-ups", "follow-ups"));
		}
		if (user.has(Role.AGENT) || user.has(Role.DEPARTMENT_HEAD) || user.has(Role.ADMIN)) {
			links.add(link("/staff/agent/metrics", "agent-metrics"));
		}
		if (user.has(Role.DEPARTMENT_HEAD) || user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
			links.add(link("/staff/burden", "burden"));
		}
		// Issue 17 (causes): the causes of bad ratings, for heads and those who read
		// every
		// department's.
		if (user.has(Role.DEPARTMENT_HEAD) || user.has(Role.ADMIN) || user.has(Role.SERVICES_SUPERVISOR)
				|| user.has(Role.AUDITOR)) {
			links.add(link("/staff/ratings/causes", "rating-causes"));
		}
		// Follow-ups of bad ratings (issue 17): the department's staff, the services
		// supervisor's flags, the administrators' time to reply.
		if (user.departmentCode() != null && (user.has(Role.CLERK) || user.has(Role.REVIEWER)
				|| user.has(Role.SUPERVISOR) || user.has(Role.DEPARTMENT_HEAD) || user.has(Role.COMPLAINT_HANDLER))) {
			links.add(link("/staff/follow-ups", "follow-ups-ratings"));
		}
		if (user.has(Role.SERVICES_SUPERVISOR)) {
			links.add(link("/staff/rating-flags", "rating-flags"));
		}
		if (user.has(Role.ADMIN)) {
			links.add(link("/admin/evaluation/departments", "evaluation-departments"));
		}
		if (user.has(Role.ADMIN)) {
			links.add(link("/admin/staff", "admin-staff"));
			links.add(link("/admin/notifications/templates", "admin-templates"));
			links.add(link("/admin/outbox", "outbox"));
		}
		if (user.has(Role.ADMIN) || user.has(Role.CONTENT_EDITOR)) {
			links.add(link("/admin/catalog", "admin-catalog"));
			links.add(link("/admin/notices", "admin-notices"));
		}
		return links;
	}

	private static StaffBar.Link home() {
		return link("/staff", "home", "staff-home");
	}

	private static StaffBar.Link link(String href, String name) {
		return link(href, name, name);
	}

	/**
	 * @param testId what the staff home's link is known by in tests; the navigation's is
	 * the same with {@code nav-} before it
	 */
	private static StaffBar.Link link(String href, String name, String testId) {
		return new StaffBar.Link(href, "staff.nav." + name, testId);
	}

}
