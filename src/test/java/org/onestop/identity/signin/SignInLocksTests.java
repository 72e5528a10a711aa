package org.onestop.identity.signin;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' list of sign-in locks says when it shows only part of them. */
class SignInLocksTests {

	private static final SignInLock LOCK = new SignInLock("someone", 1, Instant.parse("2026-12-04T08:00:00Z"), 0, null,
			true);

	@Test
	void truncatedOnlyWhenThereAreMoreLocksThanShown() {
		assertThat(new SignInLocks(List.of(LOCK), 2).truncated()).isTrue();
		assertThat(new SignInLocks(List.of(LOCK), 1).truncated()).isFalse();
		assertThat(new SignInLocks(List.of(), 0).truncated()).isFalse();
	}

}
