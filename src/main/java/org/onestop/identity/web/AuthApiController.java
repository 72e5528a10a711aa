package org.onestop.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.signin.ApiTokens;
import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInLockedException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for an API token, and gives it back. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

	private final SignIn signIn;

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	private final ZoneId zone;

	private final Clock clock;

	AuthApiController(SignIn signIn, ApiTokens tokens, ProblemResponses problems, PlatformProperties properties,
			Clock clock) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.problems = problems;
		this.zone = properties.timeZone();
		this.clock = clock;
	}

	record LoginRequest(@NotBlank(message = "identity.username.required") String username,
			@NotBlank(message = "identity.password.required") String password) {
	}

	@PostMapping("/login")
	ResponseEntity<Object> login(@Valid @RequestBody LoginRequest login, Locale locale, HttpServletRequest request) {
		try {
			OneStopUser user = signIn.authenticate(login.username(), login.password(), "api", request.getRemoteAddr());
			return ResponseEntity.ok(tokens.issue(user.username()));
		}
		catch (SignInLockedException ex) {
			if (ex.everywhere()) {
				// Not this caller's failures: a wait for everyone, so "try again later"
				// with the time, not 401.
				ProblemDetail problem = problems.problem(locale, HttpStatus.TOO_MANY_REQUESTS,
						"identity.sign-in.slowed", untilText(ex.until()));
				problem.setProperty("retryAt", ex.until());
				long seconds = Math.max(1, Duration.between(clock.instant(), ex.until()).toSeconds() + 1);
				return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
					.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(problem);
			}
			ProblemDetail problem = problems.problem(locale, HttpStatus.UNAUTHORIZED, "identity.sign-in.locked",
					untilText(ex.until()));
			problem.setProperty("lockedUntil", ex.until());
			return unauthorized(problem);
		}
		catch (DisabledException ex) {
			return unauthorized(problems.problem(locale, HttpStatus.UNAUTHORIZED, "identity.sign-in.disabled"));
		}
		catch (AuthenticationException ex) {
			return unauthorized(problems.problem(locale, HttpStatus.UNAUTHORIZED, "identity.sign-in.failed"));
		}
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(HttpServletRequest request) {
		tokens.revokeBearer(request.getHeader(HttpHeaders.AUTHORIZATION));
		return ResponseEntity.noContent().build();
	}

	private String untilText(Instant until) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(until.atZone(zone));
	}

	private static ResponseEntity<Object> unauthorized(ProblemDetail problem) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

}
