package org.onestop.identity.signin;

import org.onestop.MovableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-username back-off against guessing spread over many addresses: the real user's
 * sign-in does not hand the attacker new guesses, and a burst of parallel guesses gets no
 * more password checks than a slow one.
 */
@IntegrationTest
class SignInBackoffIntegrationTests {

	private static final String PASSWORD = SignInRequests.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	private ResultActions login(String username, String password, String address) throws Exception {
		return SignInRequests.login(mvc, username, password, address);
	}

	private void staff(String username) throws Exception {
		SignInRequests.staff(mvc, username);
	}

	@Test
	void theRealUsersSignInFromHomeDoesNotHandTheAttackerNewGuesses() throws Exception {
		staff("backoff.kept");
		login("backoff.kept", PASSWORD, "10.41.0.100").andExpect(status().isOk());
		for (int i = 0; i < SignInAttempts.BACKOFF_AFTER; i++) {
			login("backoff.kept", "guess-" + i, "10.41.0." + i).andExpect(status().isUnauthorized());
		}
		login("backoff.kept", "guess-x", "10.41.0.50").andExpect(status().isTooManyRequests());

		// The victim signs in from home, as every day...
		login("backoff.kept", PASSWORD, "10.41.0.100").andExpect(status().isOk());
		// ...and the attacker, anywhere new, still waits instead of getting nine more
		// guesses at once.
		login("backoff.kept", "guess-y", "10.41.0.51").andExpect(status().isTooManyRequests());
		login("backoff.kept", "guess-z", "10.41.0.52").andExpect(status().isTooManyRequests());
	}

	@Test
	void aBurstOfParallelGuessesGetsNoMoreChecksThanTheThreshold() throws Exception {
		int guesses = 50;
		ExecutorService pool = Executors.newFixedThreadPool(guesses);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < guesses; i++) {
			String address = "10.42." + (i / 200) + "." + (i % 200);
			String guess = "guess-" + i;
			answers.add(pool.submit(() -> {
				start.await();
				return login("burst.target", guess, address).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		int checked = 0;
		int slowed = 0;
		for (Future<Integer> answer : answers) {
			int status = answer.get();
			checked += status == 401 ? 1 : 0;
			slowed += status == 429 ? 1 : 0;
		}
		pool.shutdown();
		// Each back-off wait that runs out while the burst lasts lets one more check
		// through: a second or two.
		assertThat(checked).isBetween(SignInAttempts.BACKOFF_AFTER, SignInAttempts.BACKOFF_AFTER + 3);
		assertThat(slowed).isEqualTo(guesses - checked);
	}

	@Test
	void theWaitBeforeEachCheckDoublesFromOneSecondToFiveMinutes() {
		MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		SignInAttempts attempts = new SignInAttempts(new SignInAttemptStore(db), clock);
		List<Long> waits = new ArrayList<>();
		for (int check = 1; check <= 22; check++) {
			waits.add(waitThenGuess(attempts, clock, "sequence.target", "10.43.0." + check).toSeconds());
		}
		assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L,
				256L, 300L, 300L, 300L);
	}

	@Test
	void atTheFullWaitAGuessingAttackGetsTwelveChecksAnHourWhateverItsPace() {
		MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		SignInAttempts attempts = new SignInAttempts(new SignInAttemptStore(db), clock);
		for (int check = 1; check <= 20; check++) {
			waitThenGuess(attempts, clock, "hourly.target", "10.44.0." + check);
		}
		// A guess every five seconds, from a new address each time, for an hour.
		Instant end = clock.instant().plus(Duration.ofHours(1));
		int checked = 0;
		for (int i = 0; clock.instant().isBefore(end); i++) {
			SignInAttempts.Admission admission = attempts.attempt("hourly.target",
					"10.45." + (i / 200) + "." + (i % 200));
			if (admission.refusal().isEmpty()) {
				attempts.failed("hourly.target", "10.45." + (i / 200) + "." + (i % 200), admission);
				checked++;
			}
			clock.advance(Duration.ofSeconds(5));
		}
		assertThat(checked).isBetween(11, 12);
	}

	/**
	 * One wrong guess, after waiting as long as the back-off asks: answers how long that
	 * was.
	 */
	private static Duration waitThenGuess(SignInAttempts attempts, MovableClock clock, String username,
			String address) {
		Instant asked = clock.instant();
		SignInAttempts.Admission admission = attempts.attempt(username, address);
		if (admission.refusal().isPresent()) {
			assertThat(admission.refusal().get().everywhere()).isTrue();
			clock.moveTo(admission.refusal().get().until());
			admission = attempts.attempt(username, address);
			assertThat(admission.refusal()).as("admitted once the wait has run out").isEmpty();
		}
		attempts.failed(username, address, admission);
		return Duration.between(asked, clock.instant());
	}

}
