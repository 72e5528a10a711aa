package org.onestop.appointment.hall;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.appointment.Appointments;
import org.onestop.appointment.HallLayout;
import org.onestop.appointment.Halls;
import org.onestop.platform.Tokens;
import org.onestop.platform.WorkingCalendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The halls' layouts are kept in each node's memory for a few seconds, and a change is
 * still seen: on another node within the bound (the layout version moved), on this node
 * as soon as it commits, and never before it commits.
 */
@IntegrationTest
class HallLayoutCacheIntegrationTests {

	static final String HALL = "HALL-EAST";
	static final Duration BOUND = Duration.ofSeconds(5);

	@Autowired
	JdbcClient db;

	@Autowired
	MockMvc mvc;

	@Autowired
	Halls halls;

	@Autowired
	Appointments appointments;

	@Autowired
	PlatformTransactionManager transactions;

	final AtomicLong nanos = new AtomicLong();

	final AtomicInteger loads = new AtomicInteger();

	HallLayoutCache otherNode;

	String counter;

	String name;

	String nameZh;

	@BeforeEach
	void setUp() {
		// A second node's cache, on a clock of its own: the change below reaches it only
		// through the database.
		HallLayoutStore store = new HallLayoutStore(db, transactions) {
			@Override
			Optional<Loaded> load(String hall) {
				loads.incrementAndGet();
				return super.load(hall);
			}
		};
		otherNode = new HallLayoutCache(store, BOUND, nanos::get);
		counter = db.sql("SELECT min(id) FROM appointment_counter WHERE hall = :h")
			.param("h", HALL)
			.query(String.class)
			.single();
		name = nameOf(otherNode);
		nameZh = otherNode.get(HALL).orElseThrow().layout().counter(counter).orElseThrow().name().zh();
	}

	@AfterEach
	void restore() {
		db.sql("UPDATE appointment_counter SET name_en = :en, name_zh = :zh WHERE hall = :h AND id = :c")
			.param("en", name)
			.param("zh", nameZh)
			.param("h", HALL)
			.param("c", counter)
			.update();
	}

	@Test
	void aChangeMadeElsewhereIsSeenOnceTheBoundHasPassed() {
		assertThat(nameOf(otherNode)).isEqualTo(name);
		assertThat(loads).hasValue(1);
		rename("Counter renamed elsewhere");
		nanos.addAndGet(BOUND.toNanos() - 1);
		assertThat(nameOf(otherNode)).isEqualTo(name);
		assertThat(loads).hasValue(1);
		nanos.addAndGet(1);
		assertThat(nameOf(otherNode)).isEqualTo("Counter renamed elsewhere");
		assertThat(loads).hasValue(2);
		// The version did not move again: the layout stays in memory.
		nanos.addAndGet(BOUND.toNanos() * 3);
		assertThat(nameOf(otherNode)).isEqualTo("Counter renamed elsewhere");
		assertThat(loads).hasValue(2);
	}

	@Test
	void anAdministratorsChangeIsSeenOnThisNodeAtOnce() throws Exception {
		assertThat(halls.layout(HALL).counter(counter).orElseThrow().name().en()).isEqualTo(name);
		String groups = halls.layout(HALL)
			.counter(counter)
			.orElseThrow()
			.groups()
			.stream()
			.map(g -> "\"" + g + "\"")
			.reduce((a, b) -> a + "," + b)
			.orElse("");
		mvc.perform(put("/api/v1/admin/halls/" + HALL + "/counters/" + counter)
			.header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"改名的窗口\",\"nameEn\":\"Counter renamed here\",\"groups\":[" + groups + "]}"))
			.andExpect(status().isOk());
		assertThat(halls.layout(HALL).counter(counter).orElseThrow().name().en()).isEqualTo("Counter renamed here");
	}

	@Test
	void aChangeIsNotSeenBeforeItCommitsAndNeverIfItRollsBack() {
		assertThat(halls.layout(HALL).counter(counter).orElseThrow().name().en()).isEqualTo(name);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			rename("Counter renamed, then not");
			// The changing transaction sees its own change; nobody else does, and nothing
			// of it is kept.
			assertThat(halls.layout(HALL).counter(counter).orElseThrow().name().en())
				.isEqualTo("Counter renamed, then not");
			status.setRollbackOnly();
		});
		assertThat(halls.layout(HALL).counter(counter).orElseThrow().name().en()).isEqualTo(name);
		assertThat(nameOf(otherNode)).isEqualTo(name);
	}

	@Test
	void theBoardsNextFreeDayIsTheSoonestOfAnyGroup() {
		// On a working morning some day of the window is free whatever the real date (on
		// the eve of a long holiday, late in the day, none is).
		clock.moveToLatestWorkingMorning(calendar);
		try {
			HallLayout layout = halls.layout(HALL);
			Optional<LocalDate> soonest = layout.groups()
				.stream()
				.map(g -> appointments.nextFreeDate(HALL, g.code()))
				.flatMap(Optional::stream)
				.min(LocalDate::compareTo);
			assertThat(appointments.nextFreeDate(HALL)).isEqualTo(soonest);
			assertThat(soonest).hasValueSatisfying(d -> assertThat(d).isAfterOrEqualTo(clock.today()));
		}
		finally {
			clock.reset();
		}
	}

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	private String nameOf(HallLayoutCache cache) {
		return cache.get(HALL).orElseThrow().layout().counter(counter).orElseThrow().name().en();
	}

	private void rename(String to) {
		db.sql("UPDATE appointment_counter SET name_en = :n WHERE hall = :h AND id = :c")
			.param("n", to)
			.param("h", HALL)
			.param("c", counter)
			.update();
	}

}
