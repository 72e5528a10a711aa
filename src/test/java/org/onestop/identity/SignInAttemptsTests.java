package org.onestop.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off's waits: none below the threshold, then 1 s doubling to a cap of five minutes. */
class SignInAttemptsTests {

	@Test
	void theWaitDoublesFromOneSecondToFiveMinutes() {
		assertThat(SignInAttempts.delay(SignInAttempts.BACKOFF_AFTER - 1)).isZero();
		assertThat(SignInAttempts.delay(10)).isEqualTo(Duration.ofSeconds(1));
		assertThat(SignInAttempts.delay(11)).isEqualTo(Duration.ofSeconds(2));
		assertThat(SignInAttempts.delay(18)).isEqualTo(Duration.ofSeconds(256));
		assertThat(SignInAttempts.delay(19)).isEqualTo(Duration.ofMinutes(5));
		assertThat(SignInAttempts.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aDistributedAttackGetsAtMostTwelveGuessesAnHourOnceTheWaitIsFull() {
		assertThat(Duration.ofHours(1).dividedBy(SignInAttempts.MAX_DELAY)).isEqualTo(12);
	}
}
