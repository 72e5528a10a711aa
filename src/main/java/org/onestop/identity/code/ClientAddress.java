package org.onestop.identity.code;

import java.util.regex.Pattern;

/**
 * The client address that limits and locks are counted by. Behind the proxy it comes from
 * {@code X-Forwarded-For}, which a client can fill with anything: a value that is no IPv4
 * or IPv6 address (at most 64 characters of digits, hex letters, dots, colons, a zone id)
 * counts as {@value #UNKNOWN}, so that it can neither break the counters' keys
 * (PostgreSQL refuses index entries over about 2.7 kB, and a NUL in text) nor make a
 * fresh key for every request.
 */
public final class ClientAddress {

	public static final String UNKNOWN = "unknown";

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]]{2,47}(%[0-9A-Za-z_.-]{1,16})?");

	private ClientAddress() {
	}

	public static String of(String remoteAddress) {
		return remoteAddress != null && ADDRESS.matcher(remoteAddress).matches() ? remoteAddress : UNKNOWN;
	}

}
