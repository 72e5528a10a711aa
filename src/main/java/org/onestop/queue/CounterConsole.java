package org.onestop.queue;

import java.util.List;
import java.util.UUID;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.MatterDepartments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
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

	private final Halls halls;

	private final MatterDepartments matters;

	CounterConsole(Calling calling, HallBoards boards, TicketReader reader, Halls halls, MatterDepartments matters) {
		this.calling = calling;
		this.boards = boards;
		this.reader = reader;
		this.halls = halls;
		this.matters = matters;
	}

	/**
	 * The halls where this clerk works, each with its counters: where the staff
	 * navigation's "counters" leads (403 for staff who are not clerks).
	 */
	List<HallLayout> hallsOf(OneStopUser clerk) {
		if (!clerk.has(Role.CLERK)) {
			throw new ForbiddenException("queue.clerk.forbidden");
		}
		// A handful of halls: one small query each, read one after another.
		return halls.codes().stream().filter(code -> halls.worksAt(clerk.username(), code)).map(halls::layout).toList();
	}

	/**
	 * The console of a counter, for a clerk who works at the hall (403 otherwise; 404 for
	 * an unknown hall or counter).
	 * @param done what the clerk just did ({@code called}, {@code complete}, …), shown as
	 * a notice; anything else is ignored
	 * @param acted the ticket it was done to, named in the notice when it is of this hall
	 */
	QueuePages.CounterPage page(OneStopUser clerk, String hall, String counter, String done, UUID acted) {
		HallLayout layout = calling.clerkAt(clerk, hall);
		HallLayout.Counter desk = Calling.counter(layout, counter);
		TicketView current = reader.servingAt(hall, desk.id()).flatMap(id -> reader.view(id, layout)).orElse(null);
		TicketView actedOn = acted == null ? null
				: reader.view(acted, layout).filter(t -> t.hall().equals(layout.code())).orElse(null);
		return QueuePages.CounterPage.of(layout, desk, current,
				boards.waiting(layout, layout.groups().stream().filter(g -> desk.groups().contains(g.code())).toList()),
				done, actedOn, matters.names(
						current == null || current.serviceCode() == null ? List.of() : List.of(current.serviceCode())));
	}

}
