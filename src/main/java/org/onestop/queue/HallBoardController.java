package org.onestop.queue;

import java.util.UUID;

import org.onestop.appointment.Halls;
import org.onestop.appointment.ServiceHalls;
import org.onestop.platform.EventHub;
import org.onestop.platform.NotFoundException;
import org.onestop.shared.LocalizedText;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The public hall board, its event stream, and the citizen's ticket page. No sign-in. */
@Controller
class HallBoardController {

	private final HallBoards boards;

	private final BoardFeed feed;

	private final EventHub hub;

	private final Tickets tickets;

	private final Halls halls;

	private final HallVersions versions;

	private final ServiceHalls serviceHalls;

	HallBoardController(HallBoards boards, BoardFeed feed, EventHub hub, Tickets tickets, Halls halls,
			HallVersions versions, ServiceHalls serviceHalls) {
		this.serviceHalls = serviceHalls;
		this.boards = boards;
		this.feed = feed;
		this.hub = hub;
		this.tickets = tickets;
		this.halls = halls;
		this.versions = versions;
	}

	@GetMapping("/halls/{hall}/board")
	String board(@PathVariable String hall, Model model) {
		model.addAttribute("board", boards.board(hall));
		return "queue/board";
	}

	@GetMapping(value = "/halls/{hall}/board/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter boardEvents(@PathVariable String hall) {
		halls.layout(hall);
		return hub.subscribe(feed.of(hall));
	}

	@GetMapping("/tickets/{id}")
	String ticket(@PathVariable UUID id, Model model) {
		TicketView ticket = tickets.find(id)
			.map(TicketView::withoutReason)
			.orElseThrow(() -> new NotFoundException("queue.ticket.not-found"));
		LocalizedText address = serviceHalls.all()
			.stream()
			.filter(h -> h.code().equals(ticket.hall()))
			.findFirst()
			.map(h -> new LocalizedText(h.addressZh(), h.addressEn()))
			.orElse(null);
		model.addAttribute("page", new QueuePages.TicketPage(halls.layout(ticket.hall()), ticket,
				versions.all().getOrDefault(ticket.hall(), 0L), address));
		return "queue/ticket";
	}

}
