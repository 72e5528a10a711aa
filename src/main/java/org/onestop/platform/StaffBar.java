package org.onestop.platform;

import java.util.Comparator;
import java.util.List;

/**
 * The staff layout's header: who is signed in, their department, and the pages their
 * roles may open.
 *
 * @param name the staff member's display name
 * @param department the department's name in the page's language, or empty
 * @param links the pages, in the order shown
 */
public record StaffBar(String name, String department, List<Link> links) {

	public StaffBar {
		links = List.copyOf(links);
	}

	/**
	 * One page of the staff navigation.
	 *
	 * @param labelKey the message key of its name
	 */
	public record Link(String href, String labelKey, String testId) {
	}

	/**
	 * The link for the page at {@code path}: the one whose address is the longest prefix
	 * of it, so that a task page marks "tasks" and not the staff home.
	 */
	public Link current(String path) {
		return links.stream()
			.filter(l -> path.equals(l.href()) || path.startsWith(l.href() + "/"))
			.max(Comparator.comparingInt(l -> l.href().length()))
			.orElse(null);
	}

}
