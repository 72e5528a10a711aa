package org.onestop.application;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onestop.identity.OneStopUser;
import org.onestop.notification.InboxScope;
import org.onestop.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * What a representative under a mandate for chosen matters sees of the grantor's inbox
 * (issue 15): the messages about the grantor's applications of those matters, nothing
 * else (not the account's or other matters' messages). An all-matters mandate and a
 * guardian see the whole inbox.
 */
@Component
class RepresentedInbox implements InboxScope {

	private final ApplicationStore store;

	RepresentedInbox(ApplicationStore store) {
		this.store = store;
	}

	@Override
	public Optional<Set<String>> links(SignedInUser reader) {
		if (!(reader instanceof OneStopUser user) || !user.represented()
				|| user.representedBy().serviceCodes().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(store.ofApplicant(user.username(), 200)
			.stream()
			.filter(a -> MandateScope.covers(user, a))
			.map(a -> "/applications/" + a.id())
			.collect(Collectors.toSet()));
	}

}
