package org.onestop.queue;

import java.util.Map;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter over the API: call next, recall, no-show, transfer, complete. A clerk of
 * the hall only.
 */
@RestController
@PreAuthorize("hasRole('CLERK')")
class CounterApiController {

	private final Calling calling;

	CounterApiController(Calling calling) {
		this.calling = calling;
	}

	@PostMapping("/api/v1/halls/{hall}/counters/{counter}/call-next")
	ResponseEntity<TicketView> callNext(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall,
			@PathVariable String counter) {
		return calling.callNext(user, hall, counter)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/api/v1/halls/{hall}/tickets/{ticket}/recall")
	TicketView recall(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall, @PathVariable UUID ticket) {
		return calling.recall(user, hall, ticket);
	}

	@PostMapping("/api/v1/halls/{hall}/tickets/{ticket}/no-show")
	TicketView noShow(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall, @PathVariable UUID ticket) {
		return calling.noShow(user, hall, ticket);
	}

	@PostMapping("/api/v1/halls/{hall}/tickets/{ticket}/transfer")
	TicketView transfer(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall, @PathVariable UUID ticket,
			@RequestBody Map<String, String> body) {
		return calling.transfer(user, hall, ticket, body.get("group"));
	}

	@PostMapping("/api/v1/halls/{hall}/tickets/{ticket}/complete")
	TicketView complete(@AuthenticationPrincipal OneStopUser user, @PathVariable String hall,
			@PathVariable UUID ticket) {
		return calling.complete(user, hall, ticket);
	}

}
