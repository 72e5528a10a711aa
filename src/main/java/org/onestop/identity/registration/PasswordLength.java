package org.onestop.identity.registration;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.onestop.platform.ProblemException.FieldProblem;

/**
 * BCrypt reads only the first 72 bytes of a password, and Spring Security refuses to hash
 * a longer one: a password of 128 characters passes the length rule, and 25 Chinese
 * characters are already 75 bytes. Said beside the field before anything is spent,
 * instead of failing while hashing.
 */
public final class PasswordLength {

	static final int MAX_BYTES = 72;

	private PasswordLength() {
	}

	/** Adds the problem unless the password field has one already. */
	public static List<FieldProblem> check(String password, List<FieldProblem> problems) {
		boolean named = problems.stream().anyMatch(p -> p.field().equals("password"));
		if (!named && password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add(new FieldProblem("password", "identity.password.too-long"));
		}
		return problems;
	}

}
