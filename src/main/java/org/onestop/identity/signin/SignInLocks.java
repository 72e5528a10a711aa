package org.onestop.identity.signin;

import java.util.List;

/**
 * The usernames with live sign-in locks that are shown (existing accounts first, then the
 * most recent), and how many there are in all.
 */
public record SignInLocks(List<SignInLock> shown, int total) {

	public boolean truncated() {
		return total > shown.size();
	}
}
