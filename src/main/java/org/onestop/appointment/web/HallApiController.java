package org.onestop.appointment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.appointment.booking.Booking;
import org.onestop.appointment.booking.Slot;
import org.onestop.appointment.booking.Slots;
import org.onestop.appointment.hall.HallAdministration;
import org.onestop.identity.OneStopUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Halls and their free places, for anyone; a day's capacity and the halls' layout, for
 * those who run them.
 */
@RestController
class HallApiController {

	private final Halls halls;

	private final Booking booking;

	private final Slots slots;

	private final HallAdministration administration;

	HallApiController(Halls halls, Booking booking, Slots slots, HallAdministration administration) {
		this.halls = halls;
		this.booking = booking;
		this.slots = slots;
		this.administration = administration;
	}

	record HallSummary(String id, String name) {

		static HallSummary of(HallLayout hall, Locale locale) {
			return new HallSummary(hall.code(), hall.name().in(locale));
		}
	}

	record HallDetail(String id, String name, List<GroupView> groups, List<CounterView> counters) {

		static HallDetail of(HallLayout hall, Locale locale) {
			return new HallDetail(hall.code(), hall.name().in(locale),
					hall.groups()
						.stream()
						.map(g -> new GroupView(g.code(), g.name().in(locale), g.serviceCodes()))
						.toList(),
					hall.counters()
						.stream()
						.map(c -> new CounterView(c.id(), c.name().in(locale), c.groups()))
						.toList());
		}
	}

	record GroupView(String code, String name, List<String> serviceCodes) {
	}

	record CounterView(String id, String name, List<String> groups) {
	}

	record SlotView(long id, Instant start, Instant end, int remaining) {

		static SlotView of(Slot slot) {
			return new SlotView(slot.id(), slot.start(), slot.end(), slot.remaining());
		}
	}

	record CapacityRequest(String group, Integer countersDelta, String reason) {
	}

	@GetMapping("/api/v1/halls")
	List<HallSummary> halls(Locale locale) {
		return halls.codes().stream().map(halls::layout).map(h -> HallSummary.of(h, locale)).toList();
	}

	@GetMapping("/api/v1/halls/{id}")
	HallDetail hall(@PathVariable String id, Locale locale) {
		return HallDetail.of(halls.layout(id), locale);
	}

	@GetMapping("/api/v1/halls/{id}/slots")
	List<SlotView> slots(@PathVariable String id, @RequestParam String serviceCode, @RequestParam LocalDate date) {
		return booking.slots(id, serviceCode, date).stream().map(SlotView::of).toList();
	}

	@PutMapping("/api/v1/halls/{id}/capacity/{date}")
	@PreAuthorize("hasAnyRole('ADMIN', 'DEPARTMENT_HEAD')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void capacity(@AuthenticationPrincipal OneStopUser staff, @PathVariable String id, @PathVariable LocalDate date,
			@RequestBody CapacityRequest request) {
		slots.changeCapacity(staff, id, request.group(), date,
				request.countersDelta() == null ? 0 : request.countersDelta(), request.reason());
	}

	@PutMapping("/api/v1/admin/halls/{id}/settings")
	@PreAuthorize("hasRole('ADMIN')")
	HallLayout settings(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id,
			@RequestBody HallAdministration.Settings settings) {
		return administration.settings(admin, id, settings);
	}

	@PutMapping("/api/v1/admin/halls/{id}/hours/{weekday}")
	@PreAuthorize("hasRole('ADMIN')")
	HallLayout hours(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id, @PathVariable int weekday,
			@RequestBody HallAdministration.Hours hours) {
		return administration.hours(admin, id, weekday, hours);
	}

	@PutMapping("/api/v1/admin/halls/{id}/groups/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	HallLayout group(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id, @PathVariable String code,
			@RequestBody HallAdministration.GroupDefinition group) {
		return administration.group(admin, id, code, group);
	}

	@PutMapping("/api/v1/admin/halls/{id}/counters/{counter}")
	@PreAuthorize("hasRole('ADMIN')")
	HallLayout counter(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id,
			@PathVariable String counter, @RequestBody HallAdministration.CounterDefinition definition) {
		return administration.counter(admin, id, counter, definition);
	}

	@PutMapping("/api/v1/admin/halls/{id}/staff/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void assign(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id, @PathVariable String username) {
		administration.assign(admin, id, username);
	}

	@DeleteMapping("/api/v1/admin/halls/{id}/staff/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unassign(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id, @PathVariable String username) {
		administration.unassign(admin, id, username);
	}

}
