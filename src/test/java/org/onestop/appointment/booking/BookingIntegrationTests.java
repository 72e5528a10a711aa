package org.onestop.appointment.booking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.OneStopApplication;
import org.onestop.TestClock;
import org.onestop.TestClockConfiguration;
import org.onestop.appointment.Appointments;
import org.onestop.appointment.BookedAppointment;
import org.onestop.appointment.Halls;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Tokens;
import org.onestop.platform.WorkingCalendar;
import org.onestop.shared.ContactChannel;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Booking on real PostgreSQL: exactly the online capacity is booked under a crowd, one
 * active appointment per citizen and matter, and both hold with two OneStop nodes on one
 * database.
 * <p>
 * Each test runs on the morning of the latest working day (see
 * {@link #onAWorkingMorning}), so that whatever the real date, the booking window holds
 * an open day with all its slots ahead; {@code BookingOnFixedDatesIntegrationTests} runs
 * them on fixed days around the holidays. Each test books for citizens of its own, so
 * that a run on another day meets no appointment, daily count or no-show of an earlier
 * one.
 */
@IntegrationTest
class BookingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Booking booking;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	/**
	 * The platform's clock, not the database's {@code now()}: the two differ when the
	 * clock is moved.
	 */
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

	/** A new resident as a signed-in citizen, for calling Booking directly. */
	OneStopUser newCitizen() {
		Resident r = residents.aged(30).create();
		return new OneStopUser(r.username(), r.name(), false, r.idNumber().value(), null, Set.of());
	}

	List<OneStopUser> newCitizens(int count) {
		List<OneStopUser> citizens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			citizens.add(newCitizen());
		}
		return citizens;
	}

	/**
	 * The first day of the booking window (today included) on which the hall has at least
	 * so many slots still ahead for the matter (HALL-CITY's Saturdays have only the
	 * morning's).
	 */
	List<Slot> firstOpenDay(String hall, String serviceCode, int atLeast) {
		LocalDate today = booking.today();
		for (int d = 0; d <= halls.layout(hall).bookingDaysAhead(); d++) {
			List<Slot> slots = booking.slots(hall, serviceCode, today.plusDays(d));
			if (slots.size() >= atLeast) {
				return slots;
			}
		}
		throw new AssertionError("no day with " + atLeast + " slots of " + serviceCode + " at " + hall
				+ " in the booking window from " + clock.instant().atZone(clock.getZone()));
	}

	/** One booking attempt: who, on which node, and which slot and matter. */
	record Attempt(Booking node, OneStopUser who, long slot, String service) {
	}

	/**
	 * Runs the attempts at once on a pool of threads; answers how many booked and the
	 * refusals' message keys.
	 */
	static Outcome race(List<Attempt> attempts, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (Attempt a : attempts) {
				calls.add(() -> {
					try {
						a.node().book(a.who(), a.slot(), a.service(), null, ContactChannel.WEB);
						return null;
					}
					catch (ProblemException ex) {
						return ex.detailKey();
					}
				});
			}
			List<String> refusals = new ArrayList<>();
			int ok = 0;
			for (Future<String> f : pool.invokeAll(calls)) {
				if (f.get() == null) {
					ok++;
				}
				else {
					refusals.add(f.get());
				}
			}
			return new Outcome(ok, refusals);
		}
		finally {
			pool.shutdown();
		}
	}

	record Outcome(int booked, List<String> refusals) {
	}

	int booked(long slot) {
		return db.sql("SELECT booked FROM appointment_slot WHERE id = :id")
			.param("id", slot)
			.query(Integer.class)
			.single();
	}

	int active(long slot) {
		return db.sql("SELECT count(*) FROM appointment WHERE slot_id = :id AND status = 'BOOKED'")
			.param("id", slot)
			.query(Integer.class)
			.single();
	}

	@Test
	void theApiListsHallsAndFreePlacesAndTheWalkInShareIsNeverBookable() throws Exception {
		mvc.perform(get("/api/v1/halls/HALL-CITY").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("City Government Service Center"))
			.andExpect(jsonPath("$.groups[?(@.code == 'A')].serviceCodes[*]").value(hasItem("PS-ID-001")))
			.andExpect(jsonPath("$.counters[?(@.groups[0] == 'A')]").isNotEmpty());
		Slot slot = firstOpenDay("HALL-CITY", "PS-ID-001", 1).get(0);
		// Group A has two counters of its own and half of one shared with B: 2.5 × 15 /
		// 10 = 3 places, of which
		// 30 % (rounded up: 1) are kept for walk-ins.
		assertThat(slot.capacity()).isEqualTo(3);
		assertThat(slot.onlineCapacity()).isEqualTo(2);
		mvc.perform(get("/api/v1/halls/HALL-CITY/slots").param("serviceCode", "PS-ID-001")
			.param("date", slot.day().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].remaining").value(slot.remaining()));
		mvc.perform(get("/api/v1/halls/HALL-CITY/slots").param("serviceCode", "PS-ID-001")
			.param("date", booking.today().plusDays(30).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/v1/halls/NOPE")).andExpect(status().isNotFound());
		assertThat(appointmentsBean.nextFreeDate("HALL-CITY", "A")).isPresent();
	}

	@Test
	void aCrowdBooksExactlyTheOnlinePlacesAndEachCitizenAtMostOnce() throws Exception {
		List<OneStopUser> crowd = newCitizens(60);
		Slot slot = firstOpenDay("HALL-WEST", "PS-ID-002", 2).get(1);
		int places = slot.onlineCapacity() - slot.booked();
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < 240; i++) {
			attempts.add(new Attempt(booking, crowd.get(i % 60), slot.id(), "PS-ID-002"));
		}
		Outcome outcome = race(attempts, 16);
		assertThat(outcome.booked()).isEqualTo(places);
		assertThat(booked(slot.id())).isEqualTo(slot.onlineCapacity());
		assertThat(active(slot.id())).isEqualTo(slot.onlineCapacity());
		assertThat(outcome.refusals()).hasSize(240 - places)
			.allSatisfy(key -> assertThat(key).isIn("appointment.booking.full", "appointment.booking.duplicate"));
	}

	@Test
	void parallelBookingsOfOneCitizenForOneMatterMakeOne() throws Exception {
		OneStopUser who = newCitizen();
		// Enough places: ten extra counters for group D at HALL-EAST on that day.
		Slot first = firstOpenDay("HALL-EAST", "TR-PK-001", 3).get(2);
		mvc.perform(put("/api/v1/halls/HALL-EAST/capacity/" + first.day())
			.header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"group\":\"D\",\"countersDelta\":10,\"reason\":\"月初高峰\"}")).andExpect(status().isNoContent());
		Slot slot = booking.slots("HALL-EAST", "TR-PK-001", first.day()).get(2);
		assertThat(slot.onlineCapacity()).isGreaterThanOrEqualTo(5);
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			attempts.add(new Attempt(booking, who, slot.id(), "TR-PK-001"));
		}
		assertThat(race(attempts, 10).booked()).isEqualTo(1);
		assertThat(db.sql(
				"SELECT count(*) FROM appointment WHERE citizen = :c AND service_code = 'TR-PK-001' AND status = 'BOOKED'")
			.param("c", who.username())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(booked(slot.id())).isEqualTo(active(slot.id()));
	}

	@Test
	void twoNodesOnOneDatabaseStillBookExactly() throws Exception {
		List<OneStopUser> crowd = newCitizens(60);
		Slot slot = firstOpenDay("HALL-CITY", "PS-ID-003", 4).get(3);
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		// The second node keeps the same time as this one, moved or not.
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OneStopApplication.class)
			.profiles("test")
			.initializers(TestClockConfiguration.sharing(clock))
			.run("--onestop.db.url=" + url, "--onestop.db.user=postgres", "--server.port=0")) {
			Booking other = second.getBean(Booking.class);
			List<Attempt> attempts = new ArrayList<>();
			for (int i = 0; i < 120; i++) {
				attempts.add(new Attempt(i % 2 == 0 ? booking : other, crowd.get(i % 60), slot.id(), "PS-ID-003"));
			}
			assertThat(race(attempts, 16).booked()).isEqualTo(slot.onlineCapacity() - slot.booked());
			assertThat(booked(slot.id())).isEqualTo(slot.onlineCapacity());
			assertThat(active(slot.id())).isEqualTo(slot.onlineCapacity());
		}
	}

	@Test
	void cancellingFreesThePlaceAtOnceAndReschedulingIsAllOrNothing() throws Exception {
		String token = accounts.register(residents.aged(30).create()).authorization();
		List<Slot> slots = firstOpenDay("HALL-EAST", "PS-DL-001", 7);
		Slot slot = slots.get(5);
		String body = mvc
			.perform(post("/api/v1/appointments").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slotId\":" + slot.id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.bookingCode").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		assertThat(booked(slot.id())).isEqualTo(slot.booked() + 1);
		// The same matter again is refused; another citizen cannot cancel it.
		mvc.perform(post("/api/v1/appointments").header("Authorization", token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slots.get(6).id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already have an appointment")));
		Citizen someoneElse = accounts.register(residents.aged(30).create());
		mvc.perform(delete("/api/v1/appointments/" + id).header("Authorization", someoneElse.authorization()))
			.andExpect(status().isNotFound());
		// Reschedule: the new slot is booked and the old place freed, in one step.
		mvc.perform(post("/api/v1/appointments/" + id + "/reschedule").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slots.get(6).id() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("BOOKED"));
		assertThat(booked(slot.id())).isEqualTo(slot.booked());
		String mine = mvc.perform(get("/api/v1/appointments").header("Authorization", token))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String moved = JsonPath
			.<List<String>>read(mine, "$[?(@.status == 'BOOKED' && @.serviceCode == 'PS-DL-001')].id")
			.get(0);
		mvc.perform(delete("/api/v1/appointments/" + moved).header("Authorization", token))
			.andExpect(status().isNoContent());
		assertThat(booked(slots.get(6).id())).isEqualTo(slots.get(6).booked());
		mvc.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slot.id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isUnauthorized());
	}

	/**
	 * The API answers a crowd's refusals from problem bodies made once per reason and
	 * language (issue 18): each must still say why, in the caller's language, every time.
	 */
	@Test
	void refusalsSaySpecificallyWhyInTheCallersLanguageEveryTime() throws Exception {
		String token = accounts.register(residents.aged(30).create()).authorization();
		List<Slot> slots = firstOpenDay("HALL-EAST", "PS-DL-001", 10);
		Slot last = slots.get(slots.size() - 1);
		// A slot of the same group whose one online place is taken.
		long full = db
			.sql("""
					INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity, booked)
					VALUES ('HALL-EAST', :g, :d, :s, :e, 2, 1, 1) RETURNING id""")
			.param("g", last.group())
			.param("d", Date.valueOf(last.day()))
			.param("s", Timestamp.from(last.start().plusSeconds(1)))
			.param("e", Timestamp.from(last.end()))
			.query(Long.class)
			.single();
		mvc.perform(post("/api/v1/appointments").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slots.get(8).id() + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isCreated());
		for (int twice = 0; twice < 2; twice++) {
			refused(token, slots.get(9).id(), "en", "Conflict",
					"You already have an appointment for this service; reschedule it to change the time");
			refused(token, slots.get(9).id(), "zh-CN", "与现有记录冲突", "您已经预约了这个事项；如需改时间，请改约原来的预约");
			refused(token, full, "en", "Conflict",
					"This slot has no online places left: choose another; walk-in tickets always keep places");
			refused(token, full, "zh-CN", "与现有记录冲突", "这个时段的网上名额已满，请选择其他时段；现场取号始终保留名额");
		}
		assertThat(booked(full)).isEqualTo(1);
	}

	private void refused(String token, long slot, String language, String title, String detail) throws Exception {
		mvc.perform(post("/api/v1/appointments").header("Authorization", token)
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slot + ",\"serviceCode\":\"PS-DL-001\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.detail").value(detail))
			.andExpect(jsonPath("$.instance").value("/api/v1/appointments"));
	}

	@Test
	void aSlotOutsideTheWindowCannotBeBooked() throws Exception {
		LocalDate far = booking.today().plusDays(20);
		long slot = db.sql("""
				INSERT INTO appointment_slot (hall, group_code, day, starts_at, ends_at, capacity, online_capacity)
				VALUES ('HALL-CITY', 'A', :d, :s, :e, 4, 2) RETURNING id""")
			.param("d", Date.valueOf(far))
			.param("s", Timestamp.from(far.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()))
			.param("e", Timestamp.from(far.atTime(10, 15).atZone(ZoneId.of("Asia/Shanghai")).toInstant()))
			.query(Long.class)
			.single();
		mvc.perform(post("/api/v1/appointments").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + slot + ",\"serviceCode\":\"PS-ID-001\"}")).andExpect(status().isConflict());
		assertThat(booked(slot)).isZero();
	}

	@Test
	void threeNoShowsSuspendOnlineBookingUntilAPersonLiftsIt() throws Exception {
		OneStopUser who = newCitizen();
		List<Slot> slots = firstOpenDay("HALL-WEST", "HR-SSC-001", 15);
		String[] matters = { "HR-SSC-001", "HR-PEN-001", "HR-PEN-002", "HR-UNE-001" };
		Appointments appointments = appointmentsBean;
		for (int i = 0; i < 3; i++) {
			BookedAppointment a = booking.book(who, slots.get(10 + i).id(), matters[i], null, ContactChannel.WEB);
			appointments.markNoShow(a.id());
		}
		assertThat(catchThrowableOfType(ProblemException.class,
				() -> booking.book(who, slots.get(14).id(), matters[3], null, ContactChannel.WEB))
			.detailKey()).isEqualTo("appointment.booking.suspended");
		assertThat(db.sql("SELECT count(*) FROM notification WHERE recipient = :c AND kind = 'BOOKING_SUSPENDED'")
			.param("c", who.username())
			.query(Integer.class)
			.single()).isEqualTo(1);
		UUID appeal = appeals.appeal(who, "那几天住院了，有诊断证明").id();
		mvc.perform(post("/api/v1/admin/booking-appeals/" + appeal + "/decision")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "head.civil"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"LIFTED\",\"note\":\"住院属实\"}")).andExpect(status().isOk());
		// Lifted: the same booking is now refused only because the three missed ones were
		// that day's three bookings (the daily limit, tested on its own below).
		assertThat(booking.suspended(who.username())).isFalse();
		assertThat(catchThrowableOfType(ProblemException.class,
				() -> booking.book(who, slots.get(14).id(), matters[3], null, ContactChannel.WEB))
			.detailKey()).isEqualTo("appointment.booking.daily-limit");
	}

	@Test
	void aCitizenOverTheDailyLimitIsRefusedAndNothingIsWritten() throws Exception {
		assertThat(db.sql("SELECT daily_limit FROM appointment_service_hall WHERE code = 'HALL-WEST'")
			.query(Integer.class)
			.single()).isEqualTo(3);
		Citizen citizen = accounts.register(residents.aged(30).create());
		// Four matters of one group: no refusal for a second appointment in one matter.
		String[] matters = { "HR-SSC-001", "HR-PEN-001", "HR-PEN-002", "HR-UNE-001" };
		List<Slot> slots = firstOpenDay("HALL-WEST", matters[0], 4);
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/appointments").header("Authorization", citizen.authorization())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slotId\":" + slots.get(i).id() + ",\"serviceCode\":\"" + matters[i] + "\"}"))
				.andExpect(status().isCreated());
		}
		Slot fourth = slots.get(3);
		mvc.perform(post("/api/v1/appointments").header("Authorization", citizen.authorization())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slotId\":" + fourth.id() + ",\"serviceCode\":\"" + matters[3] + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value("At most 3 appointments on one day"));
		assertThat(db.sql("SELECT count(*) FROM appointment WHERE citizen = :c")
			.param("c", citizen.username())
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(db.sql("SELECT booked FROM appointment_citizen_day WHERE citizen = :c AND day = :d")
			.param("c", citizen.username())
			.param("d", Date.valueOf(fourth.day()))
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(booked(fourth.id())).isEqualTo(fourth.booked());
	}

	@Test
	void administratorsSetAHallsRulesAndWhoWorksThere() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/settings").header("Authorization", admin)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"walkInShare\":1.5,\"bookingDaysAhead\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/settings").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dailyLimit\":4}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dailyLimit").value(4))
			.andExpect(jsonPath("$.walkInShare").value(0.3));
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/staff/reviewer.ps").header("Authorization", admin))
			.andExpect(status().isNoContent());
		assertThat(halls.worksAt("reviewer.ps", "HALL-WEST")).isTrue();
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/staff/li.na").header("Authorization", admin))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/admin/halls/HALL-WEST/staff/reviewer.ps").header("Authorization", admin))
			.andExpect(status().isNoContent());
		assertThat(halls.worksAt("reviewer.ps", "HALL-WEST")).isFalse();
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/settings")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.ps"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/admin/halls/HALL-WEST/settings").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dailyLimit\":3}")).andExpect(status().isOk());
	}

	@Test
	void aMissedAppointmentBecomesANoShowAndDoesNotBlockTheNextBooking() throws Exception {
		OneStopUser who = newCitizen();
		List<Slot> slots = firstOpenDay("HALL-CITY", "PS-HH-001", 22);
		BookedAppointment missed = booking.book(who, slots.get(20).id(), "PS-HH-001", null, ContactChannel.WEB);
		// Its day has come and gone without a check-in (the test moves the slot into the
		// past): past by the platform's clock, not by PostgreSQL's now(), which keeps the
		// real time when the clock is moved.
		Instant now = clock.instant();
		db.sql("UPDATE appointment_slot SET starts_at = :starts, ends_at = :ends WHERE id = :id")
			.param("starts", Timestamp.from(now.minus(Duration.ofHours(2))))
			.param("ends", Timestamp.from(now.minus(Duration.ofMinutes(105))))
			.param("id", slots.get(20).id())
			.update();
		BookedAppointment next = booking.book(who, slots.get(21).id(), "PS-HH-001", null, ContactChannel.WEB);
		assertThat(next.status()).isEqualTo("BOOKED");
		assertThat(db.sql("SELECT status FROM appointment WHERE id = :id")
			.param("id", missed.id())
			.query(String.class)
			.single()).isEqualTo("NO_SHOW");
	}

	@Test
	void administratorsLayOutAHallWithoutSql() throws Exception {
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/groups/E").header("Authorization", admin)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"\",\"serviceMinutes\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/groups/E").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"nameZh\":\"出租车\",\"nameEn\":\"Taxi licences\",\"serviceMinutes\":20,\"serviceCodes\":[\"TR-PK-001\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groups[?(@.code == 'E')].serviceCodes[0]").value("TR-PK-001"));
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/counters/9").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"9号窗口\",\"nameEn\":\"Counter 9\",\"groups\":[\"E\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.counters[?(@.id == '9')].groups[0]").value("E"));
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/counters/10").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"x\",\"nameEn\":\"x\",\"groups\":[\"Z\"]}")).andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/hours/6").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"opens\":\"12:00\",\"closes\":\"09:00\"}")).andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/hours/6").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"opens\":\"09:00\",\"closes\":\"12:00\"}")).andExpect(status().isOk());
		LocalDate saturday = ordinarySaturdayAfter(booking.today());
		assertThat(halls.hours("HALL-EAST", saturday)).isPresent();
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/hours/6").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isOk());
		assertThat(halls.hours("HALL-EAST", saturday)).isEmpty();
		// Put TR-PK-001 back where the other tests expect it.
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/groups/D").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"nameZh\":\"企业、住房和交通\",\"nameEn\":\"Business, housing and transport\",\"serviceMinutes\":10,\"serviceCodes\":[\"TR-PK-001\"]}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/admin/halls/HALL-EAST/counters/9")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.ps"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	/**
	 * A Saturday that is neither a holiday (the hall would stay shut whatever its hours)
	 * nor worked in exchange (it would open with Monday's hours).
	 */
	LocalDate ordinarySaturdayAfter(LocalDate day) {
		LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		while (listed(saturday)) {
			saturday = saturday.plusWeeks(1);
		}
		return saturday;
	}

	boolean listed(LocalDate day) {
		return calendar.year(day.getYear()).stream().anyMatch(d -> d.day().equals(day));
	}

	@Autowired
	Halls halls;

	@Autowired
	Appointments appointmentsBean;

	@Autowired
	Appeals appeals;

}
