package org.onestop.assistant;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.assistant.Conversation.Asker;
import org.onestop.identity.OneStopUser;

/**
 * The anonymous owner of a conversation: a random key kept in the (database-backed) HTTP session. Sign-in changes
 * the session's id but keeps its attributes, so the key, and with it the conversation, survives signing in; signing
 * out ends the session, and the conversation with it. Pages and API controllers take the asker from here.
 */
final class OwnerKeys {

	static final String ATTRIBUTE = "onestop.assistant.owner-key";

	private static final SecureRandom RANDOM = new SecureRandom();

	private OwnerKeys() {
	}

	/** The asker of this request; {@code create} makes a session and key when there is none (to start a conversation). */
	static Asker asker(OneStopUser user, HttpServletRequest request, boolean create) {
		HttpSession session = request.getSession(create);
		String key = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
		if (key == null && session != null && create) {
			byte[] bytes = new byte[18];
			RANDOM.nextBytes(bytes);
			key = HexFormat.of().formatHex(bytes);
			session.setAttribute(ATTRIBUTE, key);
		}
		return new Asker(user, key, request.getRemoteAddr());
	}
}
