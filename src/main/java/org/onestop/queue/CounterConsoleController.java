package org.onestop.queue;

import java.util.UUID;

import org.onestop.platform.NotFoundException;
import org.onestop.identity.OneStopUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counter console: the ticket being served, and buttons to call, recall, mark a
 * no-show, transfer, complete.
 */
@Controller
class CounterConsoleController {

	private final Calling calling;

	private final CounterConsole console;

	CounterConsoleController(Calling calling, CounterConsole console) {
		this.calling = calling;
		this.console = console;
	}

	@GetMapping("/staff/counters")
	String counters(@AuthenticationPrincipal OneStopUser user, Model model) {
		model.addAttribute("halls", console.hallsOf(user));
		return "queue/counters";
	}

	@GetMapping("/staff/halls/{hall}/counters/{counter}")
	String console(@PathVariable String hall, @PathVariable String counter, @RequestParam(required = false) String done,
			@RequestParam(required = false) UUID ticket, @AuthenticationPrincipal OneStopUser user, Model model) {
		model.addAttribute("page", console.page(user, hall, counter, done, ticket));
		return "queue/counter";
	}

	@PostMapping("/staff/halls/{hall}/counters/{counter}/call-next")
	String callNext(@PathVariable String hall, @PathVariable String counter,
			@AuthenticationPrincipal OneStopUser user) {
		return calling.callNext(user, hall, counter)
			.map(called -> back(hall, counter, "called", called))
			.orElseGet(() -> back(hall, counter, "nobody", null));
	}

	@PostMapping("/staff/halls/{hall}/counters/{counter}/tickets/{ticket}/{action}")
	String act(@PathVariable String hall, @PathVariable String counter, @PathVariable UUID ticket,
			@PathVariable String action, @RequestParam(required = false) String group,
			@AuthenticationPrincipal OneStopUser user) {
		TicketView acted = switch (action) {
			case "recall" -> calling.recall(user, hall, ticket);
			case "no-show" -> calling.noShow(user, hall, ticket);
			case "transfer" -> calling.transfer(user, hall, ticket, group);
			case "complete" -> calling.complete(user, hall, ticket);
			default -> throw new NotFoundException("problem.detail.404");
		};
		return back(hall, counter, action, acted);
	}

	/**
	 * Back to the console, saying what was just done and to which ticket: the page reads
	 * the ticket again (of this hall only), so the notice names its number.
	 */
	private static String back(String hall, String counter, String done, TicketView ticket) {
		return "redirect:/staff/halls/" + hall + "/counters/" + counter + "?done=" + done
				+ (ticket == null ? "" : "&ticket=" + ticket.id());
	}

}
