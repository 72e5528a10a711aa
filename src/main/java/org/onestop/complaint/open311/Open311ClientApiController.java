package org.onestop.complaint.open311;

import java.util.List;

import org.onestop.identity.OneStopUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators issue Open311 keys to third-party apps (the key is in the answer once,
 * and nowhere after) and revoke them.
 */
@RestController
class Open311ClientApiController {

	private final Open311Clients clients;

	Open311ClientApiController(Open311Clients clients) {
		this.clients = clients;
	}

	record NewClient(String id, String name) {
	}

	@PostMapping("/api/v1/admin/open311-clients")
	@ResponseStatus(HttpStatus.CREATED)
	Open311Clients.Issued issue(@AuthenticationPrincipal OneStopUser admin, @RequestBody NewClient client) {
		return clients.issue(admin, client.id(), client.name());
	}

	@GetMapping("/api/v1/admin/open311-clients")
	List<Open311Client> all(@AuthenticationPrincipal OneStopUser admin) {
		return clients.all(admin);
	}

	@DeleteMapping("/api/v1/admin/open311-clients/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id) {
		clients.revoke(admin, id);
	}

}
