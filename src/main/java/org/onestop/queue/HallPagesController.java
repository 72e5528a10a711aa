package org.onestop.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.ServiceHall;
import org.onestop.appointment.ServiceHalls;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.WorkingCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public hall pages: every hall with today's hours, and one hall with its address,
 * ordinary and today's hours (from the working calendar), directions and the current
 * waits per matter group. No sign-in.
 */
@Controller
class HallPagesController {

	private final ServiceHalls serviceHalls;

	private final Halls halls;

	private final WorkingCalendar calendar;

	private final HallBoards boards;

	private final Clock clock;

	HallPagesController(ServiceHalls serviceHalls, Halls halls, WorkingCalendar calendar, HallBoards boards,
			Clock clock) {
		this.serviceHalls = serviceHalls;
		this.halls = halls;
		this.calendar = calendar;
		this.boards = boards;
		this.clock = clock;
	}

	@GetMapping("/halls")
	String all(Model model) {
		LocalDate today = Tickets.today(clock);
		Optional<WorkingCalendar.CalendarDay> listed = listed(today);
		List<HallInfoPages.HallsPage.Entry> entries = serviceHalls.all()
			.stream()
			.map(h -> new HallInfoPages.HallsPage.Entry(h, today(h.code(), today, listed)))
			.toList();
		model.addAttribute("page", new HallInfoPages.HallsPage(entries));
		return "queue/halls";
	}

	@GetMapping("/halls/{code}")
	String one(@PathVariable String code, Model model) {
		ServiceHall hall = serviceHalls.find(code)
			.orElseThrow(() -> new NotFoundException("appointment.hall.not-found"));
		LocalDate today = Tickets.today(clock);
		Map<Integer, Halls.Hours> weekly = halls.weeklyHours(code);
		List<HallInfoPages.Weekday> week = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			week.add(new HallInfoPages.Weekday(day, weekly.get(day)));
		}
		Optional<HallLayout> layout = halls.find(code);
		List<QueuePages.GroupWaiting> waiting = layout.map(l -> boards.waiting(l, l.groups())).orElse(List.of());
		model.addAttribute("page",
				new HallInfoPages.HallPage(hall, week, today(code, today, listed(today)), waiting, layout.isPresent()));
		return "queue/hall";
	}

	private HallInfoPages.Today today(String hall, LocalDate today, Optional<WorkingCalendar.CalendarDay> listed) {
		return new HallInfoPages.Today(halls.hours(hall, today),
				listed.map(WorkingCalendar.CalendarDay::kind).orElse(null),
				listed.map(WorkingCalendar.CalendarDay::name).orElse(null));
	}

	private Optional<WorkingCalendar.CalendarDay> listed(LocalDate day) {
		return calendar.year(day.getYear()).stream().filter(d -> d.day().equals(day)).findFirst();
	}

}
