package org.onestop.assistant;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.shared.ContactChannel;

/**
 * One conversation as stored: its owner, where the handoff stands, and the times that are
 * measured.
 */
record Conversation(UUID id, String channel, String citizen, String citizenName, String ownerKey, String pool,
		String locale, Handoff handoff, int unconfident, String topic, Instant startedAt, Instant lastSeenAt,
		Instant personRequestedAt, Instant queuedAt, Instant abandonedAt, String agent, Instant connectedAt,
		Instant endedAt, String outcome, Boolean helpful, long version, byte[] tokenHash, UUID complaintId,
		ContactChannel contactChannel) {

	/**
	 * Its owner: the signed-in citizen it belongs to, or, while it belongs to nobody
	 * signed in, the anonymous browser session that started it or an API client
	 * presenting its conversation token. A citizen's conversation never opens by the
	 * session key or token alone (a shared device's next user holds the same cookie).
	 * Phone calls are the agents' records, not a conversation the citizen holds.
	 */
	boolean ownedBy(Asker asker) {
		if (!"WEB".equals(channel)) {
			return false;
		}
		if (citizen != null) {
			return asker.citizen() != null && citizen.equals(asker.citizen().username());
		}
		return (ownerKey != null && ownerKey.equals(asker.ownerKey())) || (tokenHash != null
				&& asker.tokenHash() != null && MessageDigest.isEqual(tokenHash, asker.tokenHash()));
	}

	boolean waiting() {
		return handoff == Handoff.QUEUED && abandonedAt == null;
	}

	/**
	 * Who asks on the citizen's side: a signed-in citizen (never staff), the random key
	 * of the browser session (which Spring Session keeps across the session-id change at
	 * sign-in), and the SHA-256 of the conversation token an API client presented. Any
	 * may be null. The channel is the device they ask from (WEB or MOBILE_WEB).
	 */
	record Asker(OneStopUser citizen, String ownerKey, byte[] tokenHash, String address, ContactChannel channel) {

		Asker {
			citizen = citizen == null || citizen.staff() ? null : citizen;
		}

		String actor() {
			return citizen == null ? "anonymous" : citizen.username();
		}

		/**
		 * The same caller without their citizen: how they speak in a conversation that
		 * belongs to nobody signed in.
		 */
		Asker anonymous() {
			return new Asker(null, ownerKey, tokenHash, address, channel);
		}

		/**
		 * Whether this caller reaches the conversation through the owner key of their own
		 * browser session.
		 */
		boolean holdsKeyOf(Conversation c) {
			return c.ownerKey() != null && c.ownerKey().equals(ownerKey);
		}
	}
}
