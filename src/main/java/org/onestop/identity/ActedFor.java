package org.onestop.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.onestop.platform.LocalPath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What representatives did for a citizen (授权代办, issue 15), so that the grantor sees
 * everything done in their name, by whom and when. A module that performs an action for a
 * represented user records it here inside the action's own transaction: the record and
 * the action commit together or not at all. Acting for oneself records nothing.
 */
@Service
public class ActedFor {

	/** How many records a page shows. */
	public static final int PAGE_SIZE = 20;

	private final ActedForStore store;

	private final Clock clock;

	ActedFor(ActedForStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Records an action done by the user's representative, if there is one.
	 * @param what a message key in the {@code acting.what.} family, read in the grantor's
	 * language when shown
	 * @param arguments the message's arguments: references, dates, never text in one
	 * language
	 * @param link where the grantor sees the thing acted on (a local path), or null
	 */
	@Transactional
	public void record(OneStopUser user, String what, List<String> arguments, String link) {
		if (user == null || !user.represented()) {
			return;
		}
		store.append(clock.instant(), user.username(), user.representedBy(), what, List.copyOf(arguments),
				link != null && LocalPath.isLocal(link) ? link : null);
	}

	/** One page (from 0) of what was done for the citizen, newest first. */
	public Page of(String grantor, int page) {
		List<Entry> rows = store.page(grantor, PAGE_SIZE + 1, page * PAGE_SIZE);
		return new Page(rows.stream().limit(PAGE_SIZE).toList(), page, rows.size() > PAGE_SIZE);
	}

	/** One page of records, and whether another follows. */
	public record Page(List<Entry> entries, int page, boolean hasNext) {
	}

	/**
	 * One action done for the citizen.
	 *
	 * @param representative the representative's username
	 * @param representativeName their name as it was when they acted
	 * @param what the message key saying what was done
	 */
	public record Entry(Instant at, String representative, String representativeName, Representation.Kind kind,
			String what, List<String> arguments, String link) {
	}

}
