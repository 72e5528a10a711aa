package org.onestop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.onestop.platform.LimitExceededException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many conversations and callback requests one caller may start in an hour. Anonymous
 * starts are free to anyone, and every callback becomes an agent's task and, if missed, a
 * department head's notice: without a limit a script could bury the hotline. A signed-in
 * citizen is one caller. An anonymous caller is a device (the owner key of its browser
 * session, or the one its earlier conversation token leads to) with the same limit, and
 * every anonymous start also counts against a much higher ceiling for its address: behind
 * carrier-grade NAT a whole hall's Wi-Fi shares one address, while a script that throws
 * its cookies and tokens away is a new device each time and meets only the ceiling.
 * Counted by upserts that every node shares, in the caller's transaction (a refused or
 * failed start does not count), so that a start never holds one pooled connection while
 * waiting for a second.
 */
@Component
class AssistantQuota {

	enum Kind {

		CONVERSATION, CALLBACK

	}

	private static final Duration WINDOW = Duration.ofHours(1);

	private final QuotaStore store;

	private final Clock clock;

	private final AssistantProperties properties;

	AssistantQuota(QuotaStore store, Clock clock, AssistantProperties properties) {
		this.store = store;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Counts one start, or refuses it with 429: per citizen; or per device (when the
	 * caller has one) and then per address. Device first, so that a device over its own
	 * limit does not use up its neighbours' ceiling.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void use(Conversation.Asker asker, String device, Kind kind) {
		boolean conversation = kind == Kind.CONVERSATION;
		int perCaller = conversation ? properties.conversationsPerHour() : properties.callbacksPerHour();
		String callerKey = conversation ? "assistant.quota.conversations" : "assistant.quota.callbacks";
		if (asker.citizen() != null) {
			count("citizen:" + asker.citizen().username(), kind, perCaller, callerKey);
			return;
		}
		if (device != null) {
			count("device:" + device, kind, perCaller, callerKey);
		}
		count("address:" + (asker.address() == null ? "unknown" : asker.address()), kind,
				conversation ? properties.addressConversationsPerHour() : properties.addressCallbacksPerHour(),
				conversation ? "assistant.quota.address-conversations" : "assistant.quota.address-callbacks");
	}

	private void count(String caller, Kind kind, int limit, String refusal) {
		Instant now = clock.instant();
		int used = store.count(caller, kind, now, now.minus(WINDOW));
		if (used > limit) {
			throw new LimitExceededException(refusal, String.valueOf(limit));
		}
	}

	/**
	 * Every anonymous device leaves a row: those whose hour is over go, on whichever node
	 * gets there first.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
	void purge() {
		store.purge(clock.instant().minus(WINDOW));
	}

}
