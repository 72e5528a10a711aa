package org.onestop.identity.account;

import java.util.List;

import org.onestop.identity.registration.PasswordLength;
import org.onestop.platform.ProblemException.FieldProblem;

/**
 * The rules a new password meets, as at registration: 8 to 128 characters, and no more
 * than BCrypt reads. Said beside the {@code password} field.
 */
final class NewPassword {

	static final String FIELD = "password";

	private NewPassword() {
	}

	static List<FieldProblem> check(String password, List<FieldProblem> problems) {
		if (password == null || password.isEmpty()) {
			problems.add(new FieldProblem(FIELD, "identity.password.required"));
		}
		else if (password.length() < 8 || password.length() > 128) {
			problems.add(new FieldProblem(FIELD, "identity.password.length"));
		}
		return PasswordLength.check(password, problems);
	}

}
