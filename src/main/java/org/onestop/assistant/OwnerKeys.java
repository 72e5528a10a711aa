package org.onestop.assistant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.assistant.Conversation.Asker;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.OnlineChannel;

/**
 * The anonymous owner of a conversation. Pages: a random key kept in the
 * (database-backed) HTTP session. Sign-in changes the session's id but keeps its
 * attributes, so the key, and with it the conversation, survives signing in; signing out
 * ends the session, and the conversation with it. API clients: the conversation token
 * from the create response, in the header {@value #TOKEN_HEADER}; the session cookie is
 * {@code Secure}, so a client on plain HTTP (a kiosk on the hall's LAN) never gets it
 * back, and the API door creates no sessions.
 */
final class OwnerKeys {

	static final String ATTRIBUTE = "onestop.assistant.owner-key";

	static final String TOKEN_HEADER = "X-Conversation-Token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private OwnerKeys() {
	}

	/**
	 * The asker of a page request; {@code create} makes a session and key when there is
	 * none (to start a conversation).
	 */
	static Asker asker(OneStopUser user, HttpServletRequest request, boolean create) {
		HttpSession session = request.getSession(create);
		String key = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
		if (key == null && session != null && create) {
			key = newKey();
			session.setAttribute(ATTRIBUTE, key);
		}
		return new Asker(user, key, null, request.getRemoteAddr(), OnlineChannel.of(request));
	}

	/**
	 * The asker of an API request: the conversation token it presents, and the key of a
	 * session it already has (a browser calling the API on the pages' origin); never a
	 * new session.
	 */
	static Asker apiAsker(OneStopUser user, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String key = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
		String token = request.getHeader(TOKEN_HEADER);
		return new Asker(user, key, token == null || token.isBlank() ? null : hash(token.strip()),
				request.getRemoteAddr(), OnlineChannel.of(request));
	}

	/** A new device key: 144 random bits. */
	static String newKey() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * A new conversation token: 256 random bits, URL-safe; only its {@link #hash} is
	 * stored.
	 */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
