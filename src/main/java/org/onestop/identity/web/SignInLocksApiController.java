package org.onestop.identity.web;

import java.security.Principal;
import java.util.List;

import org.onestop.identity.signin.SignInLock;
import org.onestop.identity.signin.SignInLocks;
import org.onestop.identity.signin.SignInUnlocking;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in locks, for administrators: which usernames are locked, and lifting every lock
 * of one (audited).
 */
@RestController
@RequestMapping("/api/v1/admin/sign-in-locks")
class SignInLocksApiController {

	private final SignInUnlocking unlocking;

	SignInLocksApiController(SignInUnlocking unlocking) {
		this.unlocking = unlocking;
	}

	/**
	 * The first 500 (existing accounts first, then the most recent);
	 * {@code X-Total-Count} says how many in all.
	 */
	@GetMapping
	ResponseEntity<List<SignInLock>> locks() {
		SignInLocks locks = unlocking.locks();
		return ResponseEntity.ok().header("X-Total-Count", Integer.toString(locks.total())).body(locks.shown());
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> unlock(@PathVariable String username, Principal admin) {
		unlocking.unlock(admin.getName(), username);
		return ResponseEntity.noContent().build();
	}

}
