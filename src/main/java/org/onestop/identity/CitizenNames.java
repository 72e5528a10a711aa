package org.onestop.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The name a citizen's account goes by, for other modules whose staff must speak to the
 * citizen (a follow-up of a bad rating, issue 17), without reading identity's tables.
 */
@Service
public class CitizenNames {

	private final CitizenNameQueries queries;

	CitizenNames(CitizenNameQueries queries) {
		this.queries = queries;
	}

	/** The name of an enabled citizen account; empty for staff or unknown usernames. */
	public Optional<String> nameOf(String username) {
		return username == null ? Optional.empty() : queries.name(username);
	}

}
