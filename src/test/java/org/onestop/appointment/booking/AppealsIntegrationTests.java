package org.onestop.appointment.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Appeals answer an active suspension, one open appeal at a time, and administrators page
 * through them.
 */
@IntegrationTest
class AppealsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Appeals appeals;

	@Test
	void aCitizenWhoIsNotSuspendedCannotAppeal() throws Exception {
		String zhao = "Bearer " + Tokens.of(mvc, "zhao.lei");
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/appointments/suspension/appeal").header("Authorization", zhao)
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"spam\"}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail")
					.value("Your online booking is not suspended, so there is nothing to review"));
		}
		assertThat(db.sql("SELECT count(*) FROM appointment_appeal WHERE citizen = 'zhao.lei'")
			.query(Integer.class)
			.single()).isZero();
		// The page says so too, instead of thanking them.
		mvc.perform(post("/appointments/appeal").with(csrf())
			.with(authentication(auth(user("appeal.free"))))
			.header("Accept-Language", "zh-CN")
			.param("reason", "想试试"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您的网上预约没有被暂停")));
	}

	@Test
	void aSuspensionHasAtMostOneOpenAppealEvenUnderRacingRequests() throws Exception {
		OneStopUser who = user("appeal.racer");
		suspend(who.username());
		List<Future<Object>> tries = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < 8; i++) {
				tries.add(pool.submit(() -> {
					try {
						return appeals.appeal(who, "我那天在医院");
					}
					catch (ProblemException ex) {
						return ex.detailKey();
					}
				}));
			}
			List<Object> answers = new ArrayList<>();
			for (Future<Object> f : tries) {
				answers.add(f.get());
			}
			assertThat(answers).filteredOn(a -> a instanceof Appeals.Appeal).hasSize(1);
			assertThat(answers).filteredOn("appointment.appeal.already-open"::equals).hasSize(7);
		}
		finally {
			pool.shutdown();
		}
		mvc.perform(post("/api/v1/appointments/suspension/appeal").with(authentication(auth(who)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"再来一次\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("您已经为这次暂停提交过复核申请，工作人员处理后会通知您"));
		// The page shows the refusal beside the reason, where the form still is.
		mvc.perform(post("/appointments/appeal").with(csrf()).with(authentication(auth(who))).param("reason", "再来一次"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reason-error\"")));
		// Once a person upheld it, the citizen may explain again.
		UUID open = db.sql("SELECT id FROM appointment_appeal WHERE citizen = :c AND decided_at IS NULL")
			.param("c", who.username())
			.query(UUID.class)
			.single();
		appeals.decide(new OneStopUser("admin", "admin", true, null, null, Set.of(Role.ADMIN)), open, "UPHELD", "没有证明");
		assertThat(appeals.appeal(who, "附上诊断证明").decidedAt()).isNull();
	}

	@Test
	void administratorsPageThroughOpenAppealsWithATotal() throws Exception {
		for (int i = 0; i < 3; i++) {
			OneStopUser who = user("appeal.paged." + i);
			suspend(who.username());
			appeals.appeal(who, "理由 " + i);
		}
		long open = db.sql("SELECT count(*) FROM appointment_appeal WHERE decided_at IS NULL")
			.query(Long.class)
			.single();
		String admin = "Bearer " + Tokens.of(mvc, "admin");
		mvc.perform(get("/api/v1/admin/booking-appeals").param("size", "2").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(open));
		mvc.perform(get("/api/v1/admin/booking-appeals").param("page", "1")
			.param("size", "2")
			.header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value((int) Math.min(2, open - 2)));
		mvc.perform(get("/api/v1/admin/booking-appeals").param("size", "5000")
			.header("Authorization", admin)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").exists());
	}

	private void suspend(String citizen) {
		Instant now = Instant.now();
		db.sql("INSERT INTO appointment_suspension (citizen, starts_at, ends_at, reason) VALUES (:c, :s, :e, 'test')")
			.param("c", citizen)
			.param("s", Timestamp.from(now))
			.param("e", Timestamp.from(now.plus(Duration.ofDays(30))))
			.update();
	}

	private static OneStopUser user(String username) {
		return new OneStopUser(username, username, false, null, null, Set.of());
	}

	private static UsernamePasswordAuthenticationToken auth(OneStopUser who) {
		return new UsernamePasswordAuthenticationToken(who, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
	}

}
