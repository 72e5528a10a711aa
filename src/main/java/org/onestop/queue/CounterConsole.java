package org.onestop.queue;

import org.onestop.appointment.HallLayout;
import org.onestop.identity.OneStopUser;
import org.springframework.stereotype.Service;

/**
 * The counter console's view: the ticket the counter serves now, and who waits in the
 * counter's groups.
 */
@Service
class CounterConsole {

	private final Calling calling;

	private final HallBoards boards;

	private final TicketReader reader;

	CounterConsole(Calling calling, HallBoards boards, TicketReader reader) {
		this.calling = calling;
		this.boards = boards;
		this.reader = reader;
	}

	/**
	 * The console of a counter, for a clerk who works at the hall (403 otherwise; 404 for
	 * an unknown hall or counter).
	 * @param done what the clerk just did ({@code called}, {@code complete}, …), shown as
	 * a notice; anything else is ignored
	 */
	QueuePages.CounterPage page(OneStopUser clerk, String hall, String counter, String done) {
		HallLayout layout = calling.clerkAt(clerk, hall);
		HallLayout.Counter desk = Calling.counter(layout, counter);
		TicketView current = reader.servingAt(hall, desk.id()).flatMap(id -> reader.view(id, layout)).orElse(null);
		return QueuePages.CounterPage.of(layout, desk, current,
				boards.waiting(layout, layout.groups().stream().filter(g -> desk.groups().contains(g.code())).toList()),
				done);
	}

}
