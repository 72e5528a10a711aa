package org.onestop.notification.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's POP signature, version 1.0, for its RPC-style APIs (Dysmsapi among
 * them): the parameters percent-encoded by RFC 3986, sorted by name, and signed with
 * HMAC-SHA1 under the secret followed by "&amp;".
 */
final class PopSignature {

	private PopSignature() {
	}

	/**
	 * RFC 3986 encoding: {@link URLEncoder} writes form encoding, which differs in a
	 * space, '*' and '~'.
	 */
	static String percentEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	/** The parameters as a sorted, encoded query string, without a Signature. */
	static String canonicalQuery(Map<String, String> parameters) {
		return new TreeMap<>(parameters).entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("Signature"))
			.map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String stringToSign(String method, Map<String, String> parameters) {
		return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
	}

	/** The Signature parameter's value (Base64, not yet percent-encoded). */
	static String sign(String method, Map<String, String> parameters, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			byte[] digest = mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			// Every JDK has HmacSHA1: this cannot happen on a working runtime.
			throw new IllegalStateException(ex);
		}
	}

}
