package org.onestop.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onestop.identity.OneStopUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The few seconds a node remembers a token never stretch the token's own life. */
class ApiTokensTests {

	private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");

	private static final OneStopUser CITIZEN = new OneStopUser("li.na", "李娜", false, "110106198806158882", null,
			Set.of());

	private final AccountStore accounts = mock(AccountStore.class);

	private ApiTokens tokens(Instant now) {
		return new ApiTokens(accounts, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(8), Duration.ofSeconds(10));
	}

	@Test
	void aTokenUsedAgainSoonIsNotLookedUpAgain() {
		when(accounts.byTokenHash(anyString(), any()))
			.thenReturn(Optional.of(new AccountStore.TokenHolder(CITIZEN, NOON.plus(Duration.ofHours(1)))));
		ApiTokens tokens = tokens(NOON);
		assertThat(tokens.resolve("t")).contains(CITIZEN);
		assertThat(tokens.resolve("t")).contains(CITIZEN);
		verify(accounts, times(1)).byTokenHash(anyString(), any());
	}

	@Test
	void aRememberedTokenStillEndsWhenItExpires() {
		when(accounts.byTokenHash(anyString(), any()))
			.thenReturn(Optional.of(new AccountStore.TokenHolder(CITIZEN, NOON.plusSeconds(1))));
		Clock[] clock = { Clock.fixed(NOON, ZoneOffset.UTC) };
		ApiTokens tokens = new ApiTokens(accounts, new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return clock[0].instant();
			}
		}, Duration.ofHours(8), Duration.ofSeconds(10));
		assertThat(tokens.resolve("t")).contains(CITIZEN);
		clock[0] = Clock.fixed(NOON.plusSeconds(2), ZoneOffset.UTC);
		when(accounts.byTokenHash(anyString(), any())).thenReturn(Optional.empty());
		assertThat(tokens.resolve("t")).isEmpty();
		verify(accounts, times(2)).byTokenHash(anyString(), any());
	}

	@Test
	void noCacheWhenTurnedOff() {
		when(accounts.byTokenHash(anyString(), any()))
			.thenReturn(Optional.of(new AccountStore.TokenHolder(CITIZEN, NOON.plus(Duration.ofHours(1)))));
		ApiTokens tokens = new ApiTokens(accounts, Clock.fixed(NOON, ZoneOffset.UTC), Duration.ofHours(8),
				Duration.ZERO);
		tokens.resolve("t");
		tokens.resolve("t");
		verify(accounts, times(2)).byTokenHash(anyString(), any());
	}

}
