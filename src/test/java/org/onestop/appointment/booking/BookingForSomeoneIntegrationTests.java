package org.onestop.appointment.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.shared.ContactChannel;
import org.onestop.identity.Representation;
import org.onestop.identity.Representation.Kind;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.WorkingCalendar;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A representative books, lists and cancels the grantor's appointments only for the
 * mandate's matters (issue 15); a booking they make records who booked it, and the
 * grantor's record of what was done for them says so.
 */
@IntegrationTest
class BookingForSomeoneIntegrationTests {

	static final String ELD = "CA-ELD-001";

	static final String DL = "PS-DL-001";

	@Autowired
	Booking booking;

	@Autowired
	Halls halls;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient db;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestClock clock;

	@BeforeEach
	void onAWorkingMorning() {
		if (!clock.moved()) {
			clock.moveToLatestWorkingMorning(calendar);
		}
	}

	@AfterEach
	void backToTheRealTime() {
		clock.reset();
	}

	@Test
	void aRepresentativeBooksAndCancelsOnlyInsideTheMandate() {
		Resident g = residents.elder();
		Resident r = residents.aged(45).create();
		OneStopUser grantor = new OneStopUser(g.username(), g.name(), false, g.idNumber().value(), null, Set.of());
		OneStopUser scoped = grantor.actedForBy(new Representation(r.username(), r.name(), r.idNumber().value(),
				Kind.MANDATE, UUID.randomUUID(), Set.of(ELD)));
		// The grantor's own appointment of another matter.
		BookedAppointment own = booking.book(grantor, freeSlot(DL), DL, null, ContactChannel.WEB);
		assertThat(own.bookedByName()).isNull();
		assertThatThrownBy(() -> booking.book(scoped, freeSlot(DL), DL, null, ContactChannel.WEB))
			.isInstanceOf(ForbiddenException.class);
		BookedAppointment booked = booking.book(scoped, freeSlot(ELD), ELD, null, ContactChannel.WEB);
		assertThat(db.sql("SELECT citizen || '|' || booked_by || '|' || booked_by_name FROM appointment WHERE id = :id")
			.param("id", booked.id())
			.query(String.class)
			.single()).isEqualTo(g.username() + "|" + r.username() + "|" + r.name());
		// The grantor sees who booked it; the representative sees only the mandate's.
		assertThat(booking.mine(grantor)).extracting(BookedAppointment::bookedByName).contains(r.name()).containsNull();
		assertThat(booking.mine(scoped)).extracting(BookedAppointment::id).containsExactly(booked.id());
		assertThatThrownBy(() -> booking.find(scoped, own.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> booking.cancel(scoped, own.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> booking.reschedule(scoped, own.id(), freeSlot(DL), ContactChannel.WEB))
			.isInstanceOf(NotFoundException.class);
		assertThat(booking.find(grantor, own.id()).status()).isEqualTo("BOOKED");
		// Another citizen's appointment is not there either.
		Resident o = residents.aged(50).create();
		BookedAppointment others = booking.book(
				new OneStopUser(o.username(), o.name(), false, o.idNumber().value(), null, Set.of()), freeSlot(ELD),
				ELD, null, ContactChannel.WEB);
		assertThatThrownBy(() -> booking.cancel(scoped, others.id())).isInstanceOf(NotFoundException.class);
		booking.cancel(scoped, booked.id());
		assertThat(db.sql("SELECT what FROM identity_acted_for WHERE grantor = :g ORDER BY id")
			.param("g", g.username())
			.query(String.class)
			.list()).containsExactly("acting.what.booked", "acting.what.cancelled");
	}

	@Test
	void aBookingNamesOnlyTheCitizensApplicationOfTheBookedMatterWithinTheMandate() {
		Resident g = residents.elder();
		Resident r = residents.aged(45).create();
		OneStopUser grantor = new OneStopUser(g.username(), g.name(), false, g.idNumber().value(), null, Set.of());
		OneStopUser scoped = grantor.actedForBy(new Representation(r.username(), r.name(), r.idNumber().value(),
				Kind.MANDATE, UUID.randomUUID(), Set.of(DL)));
		UUID eld = application(g, ELD);
		UUID dl = application(g, DL);
		// Another matter's application, even the grantor's own, is refused as if it did
		// not exist.
		assertThatThrownBy(() -> booking.book(grantor, freeSlot(DL), DL, eld, ContactChannel.WEB))
			.isInstanceOf(NotFoundException.class);
		// Outside the mandate: the representative may not attach it, whatever the booked
		// matter.
		assertThatThrownBy(() -> booking.book(scoped, freeSlot(ELD), ELD, eld, ContactChannel.WEB))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> booking.book(scoped, freeSlot(DL), DL, eld, ContactChannel.WEB))
			.isInstanceOf(NotFoundException.class);
		// Another citizen cannot name it either.
		Resident o = residents.aged(50).create();
		OneStopUser other = new OneStopUser(o.username(), o.name(), false, o.idNumber().value(), null, Set.of());
		assertThatThrownBy(() -> booking.book(other, freeSlot(DL), DL, dl, ContactChannel.WEB))
			.isInstanceOf(NotFoundException.class);
		BookedAppointment booked = booking.book(scoped, freeSlot(DL), DL, dl, ContactChannel.WEB);
		assertThat(db.sql("SELECT application_id FROM appointment WHERE id = :id")
			.param("id", booked.id())
			.query(UUID.class)
			.single()).isEqualTo(dl);
	}

	private UUID application(Resident applicant, String service) {
		UUID id = UUID.randomUUID();
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, explanation, created_at, updated_at, submitted_at)
				VALUES (:id, :a, :idn, :n, :s, 1, 1, 'CA', 'IN_REVIEW', 'booking scope test', now(), now(), now())""")
			.param("id", id)
			.param("a", applicant.username())
			.param("idn", applicant.idNumber().value())
			.param("n", applicant.name())
			.param("s", service)
			.update();
		return id;
	}

	private long freeSlot(String service) {
		LocalDate today = booking.today();
		for (int d = 0; d <= halls.layout("HALL-EAST").bookingDaysAhead(); d++) {
			List<Slot> slots = booking.slots("HALL-EAST", service, today.plusDays(d));
			for (Slot s : slots) {
				if (s.remaining() > 0 && s.start().isAfter(clock.instant())) {
					return s.id();
				}
			}
		}
		throw new AssertionError("no free slot of " + service + " within the booking window");
	}

}
