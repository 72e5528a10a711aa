package org.onestop.appointment;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Halls, free places and the citizen's appointments. */
@RestController
class BookingApiController {

	private final Halls halls;
	private final Booking booking;
	private final Appeals appeals;
	private final HallAdministration administration;

	BookingApiController(Halls halls, Booking booking, Appeals appeals, HallAdministration administration) {
		this.administration = administration;
		this.halls = halls;
		this.booking = booking;
		this.appeals = appeals;
	}

	record HallSummary(String id, String name) {
	}

	record HallDetail(String id, String name, List<GroupView> groups, List<CounterView> counters) {
	}

	record GroupView(String code, String name, List<String> serviceCodes) {
	}

	record CounterView(String id, String name, List<String> groups) {
	}

	record SlotView(long id, java.time.Instant start, java.time.Instant end, int remaining) {
	}

	record BookRequest(Long slotId, String serviceCode, UUID applicationId) {
	}

	record RescheduleRequest(Long slotId) {
	}

	record CapacityRequest(String group, Integer countersDelta, String reason) {
	}

	record AppealRequest(String reason) {
	}

	record Decision(String outcome, String note) {
	}

	@GetMapping("/api/v1/halls")
	List<HallSummary> halls(Locale locale) {
		return halls.codes().stream().map(halls::layout).map(h -> new HallSummary(h.code(), h.name().in(locale))).toList();
	}

	@GetMapping("/api/v1/halls/{id}")
	HallDetail hall(@PathVariable String id, Locale locale) {
		HallLayout h = halls.layout(id);
		return new HallDetail(h.code(), h.name().in(locale),
				h.groups().stream().map(g -> new GroupView(g.code(), g.name().in(locale), g.serviceCodes())).toList(),
				h.counters().stream().map(c -> new CounterView(c.id(), c.name().in(locale), c.groups())).toList());
	}

	@GetMapping("/api/v1/halls/{id}/slots")
	List<SlotView> slots(@PathVariable String id, @RequestParam String serviceCode, @RequestParam LocalDate date) {
		return booking.slots(id, serviceCode, date).stream()
			.map(s -> new SlotView(s.id(), s.start(), s.end(), s.remaining())).toList();
	}

	@PostMapping("/api/v1/appointments")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<BookedAppointment> book(@AuthenticationPrincipal OneStopUser citizen, @RequestBody BookRequest request) {
		if (request.slotId() == null) {
			throw new org.onestop.platform.InvalidInputException("slotId", "appointment.slot.not-found");
		}
		BookedAppointment booked = booking.book(citizen, request.slotId(), request.serviceCode(), request.applicationId());
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id())).body(booked);
	}

	@GetMapping("/api/v1/appointments")
	@PreAuthorize("hasRole('CITIZEN')")
	List<BookedAppointment> mine(@AuthenticationPrincipal OneStopUser citizen) {
		return booking.mine(citizen);
	}

	@DeleteMapping("/api/v1/appointments/{id}")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Void> cancel(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id) {
		booking.cancel(citizen, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/appointments/{id}/reschedule")
	@PreAuthorize("hasRole('CITIZEN')")
	BookedAppointment reschedule(@AuthenticationPrincipal OneStopUser citizen, @PathVariable UUID id,
			@RequestBody RescheduleRequest request) {
		if (request.slotId() == null) {
			throw new org.onestop.platform.InvalidInputException("slotId", "appointment.slot.not-found");
		}
		return booking.reschedule(citizen, id, request.slotId());
	}

	@PutMapping("/api/v1/halls/{id}/capacity/{date}")
	@PreAuthorize("hasAnyRole('ADMIN', 'DEPARTMENT_HEAD')")
	ResponseEntity<Void> capacity(@AuthenticationPrincipal OneStopUser staff, @PathVariable String id,
			@PathVariable LocalDate date, @RequestBody CapacityRequest request) {
		booking.changeCapacity(staff, id, request.group(), date, request.countersDelta() == null ? 0 : request.countersDelta(),
				request.reason());
		return ResponseEntity.noContent().build();
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
	HallLayout counter(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id, @PathVariable String counter,
			@RequestBody HallAdministration.CounterDefinition definition) {
		return administration.counter(admin, id, counter, definition);
	}

	@PutMapping("/api/v1/admin/halls/{id}/staff/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> assign(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id,
			@PathVariable String username) {
		administration.assign(admin, id, username, true);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/admin/halls/{id}/staff/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> unassign(@AuthenticationPrincipal OneStopUser admin, @PathVariable String id,
			@PathVariable String username) {
		administration.assign(admin, id, username, false);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/appointments/suspension/appeal")
	@PreAuthorize("hasRole('CITIZEN')")
	ResponseEntity<Appeals.Appeal> appeal(@AuthenticationPrincipal OneStopUser citizen, @RequestBody AppealRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(appeals.appeal(citizen, request.reason()));
	}

	@GetMapping("/api/v1/admin/booking-appeals")
	@PreAuthorize("hasAnyRole('ADMIN', 'DEPARTMENT_HEAD')")
	Appeals.OpenAppeals openAppeals(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return appeals.open(page, size);
	}

	@PostMapping("/api/v1/admin/booking-appeals/{id}/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'DEPARTMENT_HEAD')")
	Appeals.Appeal decide(@AuthenticationPrincipal OneStopUser staff, @PathVariable UUID id, @RequestBody Decision decision) {
		return appeals.decide(staff, id, decision.outcome(), decision.note());
	}

}
