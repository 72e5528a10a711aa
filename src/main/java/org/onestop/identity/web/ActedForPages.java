package org.onestop.identity.web;

import java.time.Instant;
import java.util.List;

import org.onestop.identity.ActedFor;

/** What "代办记录" shows; public because the compiled template reads it. */
public final class ActedForPages {

	private ActedForPages() {
	}

	/** One page of actions done for the citizen, and links to its neighbours. */
	public record ActedForPage(List<Row> rows, int page, boolean hasNext) {

		static ActedForPage of(ActedFor.Page page) {
			return new ActedForPage(page.entries().stream().map(Row::of).toList(), page.page(), page.hasNext());
		}

		public String link(int page) {
			return page == 0 ? "/account/acted-for-me" : "/account/acted-for-me?page=" + page;
		}

	}

	/**
	 * One action: when, who, what (a message key with its arguments), and where to see
	 * it.
	 */
	public record Row(Instant at, String representativeName, String kind, String what, Object[] arguments,
			String link) {

		static Row of(ActedFor.Entry e) {
			return new Row(e.at(), e.representativeName(), e.kind().name(), e.what(), e.arguments().toArray(),
					e.link());
		}

	}

}
