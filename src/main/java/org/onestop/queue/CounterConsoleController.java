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

	@GetMapping("/staff/halls/{hall}/counters/{counter}")
	String console(@PathVariable String hall, @PathVariable String counter, @RequestParam(required = false) String done,
			@AuthenticationPrincipal OneStopUser user, Model model) {
		model.addAttribute("page", console.page(user, hall, counter, done));
		return "queue/counter";
	}

	@PostMapping("/staff/halls/{hall}/counters/{counter}/call-next")
	String callNext(@PathVariable String hall, @PathVariable String counter,
			@AuthenticationPrincipal OneStopUser user) {
		boolean called = calling.callNext(user, hall, counter).isPresent();
		return back(hall, counter, called ? "called" : "nobody");
	}

	@PostMapping("/staff/halls/{hall}/counters/{counter}/tickets/{ticket}/{action}")
	String act(@PathVariable String hall, @PathVariable String counter, @PathVariable UUID ticket,
			@PathVariable String action, @RequestParam(required = false) String group,
			@AuthenticationPrincipal OneStopUser user) {
		switch (action) {
			case "recall" -> calling.recall(user, hall, ticket);
			case "no-show" -> calling.noShow(user, hall, ticket);
			case "transfer" -> calling.transfer(user, hall, ticket, group);
			case "complete" -> calling.complete(user, hall, ticket);
			default -> throw new NotFoundException("problem.detail.404");
		}
		return back(hall, counter, action);
	}

	private static String back(String hall, String counter, String done) {
		return "redirect:/staff/halls/" + hall + "/counters/" + counter + "?done=" + done;
	}

}
