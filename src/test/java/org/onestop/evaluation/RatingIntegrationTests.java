package org.onestop.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;
import org.onestop.platform.ConflictException;
import org.onestop.platform.NotFoundException;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 好差评: a finished service of each kind invites its citizen once; the citizen rates it
 * once (two at once: one wins), may change it for 7 days, and nobody else may rate it;
 * reasons must fit the level; the hall's pad rates the clerk's own latest ticket,
 * anonymously for a walk-in nobody knows.
 */
@IntegrationTest
@RecordApplicationEvents
class RatingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Residents residents;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	@Autowired
	Clock platformClock;

	@Autowired
	RatingPad pad;

	@Autowired
	ApplicationEvents events;

	FinishedServices services;

	Citizen citizen;

	@BeforeEach
	void aCitizen() throws Exception {
		services = new FinishedServices(db, publisher, transactions, platformClock);
		citizen = accounts.register(residents.aged(41).create());
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	private String rate(Citizen who, String subject, int level, String reasons) throws Exception {
		String[] parts = subject.split(":");
		return """
				{"subjectType":"%s","subjectId":"%s","level":%d,"reasons":[%s],"comment":"材料明明政府已经有了"}"""
			.formatted(parts[0], parts[1], level, reasons);
	}

	private org.springframework.test.web.servlet.ResultActions post(Citizen who, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/ratings")
			.header("Authorization", who.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private int invitationsSentTo(String username) {
		return db.sql("SELECT count(*) FROM notification WHERE recipient = :r AND subject_key = 'rating.invitation'")
			.param("r", username)
			.query(Integer.class)
			.single();
	}

	@Test
	void aDecidedApplicationInvitesItsCitizenOnceWithALinkToTheForm() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		// The second event (a retry) is handled too before the count is read.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> db.sql(
					"SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :s")
				.param("s", "%" + subject.substring(subject.indexOf(':') + 1) + "%")
				.query(Integer.class)
				.single() == 0);
		assertThat(invitationsSentTo(citizen.username())).isEqualTo(1);
		assertThat(db.sql("SELECT link FROM notification WHERE recipient = :r AND subject_key = 'rating.invitation'")
			.param("r", citizen.username())
			.query(String.class)
			.single()).isEqualTo("/ratings/new?subject=" + subject);
		mvc.perform(get("/api/v1/me/ratings").header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pending[0].subjectType").value("APPLICATION"))
			.andExpect(jsonPath("$.pending[0].rateAt").value("/ratings/new?subject=" + subject));
	}

	@Test
	void onlyADecisionIsKeptForTheListenerAndTheOtherTimelineEntriesStoreNoPublication() {
		// Issue 18: a submission's SUBMITTED and ACCEPTED used to store (and then delete)
		// a publication each, for a listener that ignores them. Counted inside the
		// publishing transaction, where the registry writes them, before any listener
		// could complete them; then rolled back.
		java.util.UUID id = java.util.UUID.randomUUID();
		transactions.executeWithoutResult(s -> {
			publisher.publishEvent(new org.onestop.application.ApplicationChanged("wang.fang", id, "SUBMITTED"));
			publisher.publishEvent(new org.onestop.application.ApplicationChanged("system", id, "ACCEPTED"));
			assertThat(publications(id)).isZero();
			publisher.publishEvent(new org.onestop.application.ApplicationChanged("reviewer.civil", id, "APPROVED"));
			assertThat(publications(id)).isOne();
			s.setRollbackOnly();
		});
	}

	private int publications(java.util.UUID application) {
		return db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :s")
			.param("s", "%" + application + "%")
			.query(Integer.class)
			.single();
	}

	@Test
	void everyKindOfFinishedServiceIsInvitedWithItsDepartmentAndChannel() {
		String ticket = services.completedTicket(citizen.username(), null, FinishedServices.CLERK);
		UUID appointment = UUID.randomUUID();
		String kept = services.completedTicket(citizen.username(), appointment, FinishedServices.CLERK);
		String conversation = services.endedConversation(citizen.username());
		String complaint = services.repliedComplaint(citizen.username());
		assertThat(invitation(ticket)).containsExactly(citizen.username(), "CA", "COUNTER");
		assertThat(kept).isEqualTo("APPOINTMENT:" + appointment);
		assertThat(invitation(conversation)).containsExactly(citizen.username(), "GS", "MOBILE_WEB");
		assertThat(invitation(complaint)).containsExactly(citizen.username(), "CA", "WEB");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> invitationsSentTo(citizen.username()) == 4);
	}

	private List<String> invitation(String subject) {
		String[] parts = subject.split(":");
		return db.sql("""
				SELECT citizen, department, channel FROM rating_invitation
				WHERE subject_type = :t AND subject_id = :id""")
			.param("t", parts[0])
			.param("id", parts[1])
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	@Test
	void twoRatingsOfOneServiceAtOnceGiveOne201AndOne409() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		String body = rate(citizen, subject, 2, "\"DOCUMENTS_ALREADY_HELD\"");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> both = List.of(() -> post(citizen, body).andReturn().getResponse().getStatus(),
					() -> post(citizen, body).andReturn().getResponse().getStatus());
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(both)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdown();
		}
		post(citizen, body).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("评价")));
		assertThat(db.sql("SELECT count(*) FROM rating WHERE subject_id = :id")
			.param("id", subject.split(":")[1])
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRatingIsCreatedWithItsReasonCausesAndTold() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		String location = post(citizen, rate(citizen, subject, 2, "\"DOCUMENTS_ALREADY_HELD\""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/ratings/")))
			.andExpect(jsonPath("$.level").value(2))
			.andExpect(jsonPath("$.levelName").value("不满意"))
			.andExpect(jsonPath("$.verified").value(true))
			.andExpect(jsonPath("$.followedUp").value(true))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(db.sql("SELECT kind || ':' || key FROM rating_cause WHERE rating_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).contains("REASON:DOCUMENTS_ALREADY_HELD");
		assertThat(events.stream(RatingGiven.class).filter(e -> e.ratingId().equals(id))).singleElement()
			.satisfies(e -> {
				assertThat(e.level()).isEqualTo(2);
				assertThat(e.verified()).isTrue();
				assertThat(e.changed()).isFalse();
				assertThat(e.department()).isEqualTo("CA");
				assertThat(e.subjectType()).isEqualTo(SubjectType.APPLICATION);
			});
		mvc.perform(get(location).header("Authorization", citizen.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reasons[0]").value("DOCUMENTS_ALREADY_HELD"));
	}

	@Test
	void anotherCitizensServiceIsNotFoundAndTheirRatingUnreadable() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		Citizen other = accounts.register(residents.aged(33).create());
		post(other, rate(other, subject, 1, "")).andExpect(status().isNotFound());
		post(citizen, rate(citizen, "APPLICATION:" + UUID.randomUUID(), 1, "")).andExpect(status().isNotFound());
		String location = post(citizen, rate(citizen, subject, 4, "\"QUICK\"")).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(get(location).header("Authorization", other.authorization())).andExpect(status().isNotFound());
		mvc.perform(put(location).header("Authorization", other.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":1}")).andExpect(status().isNotFound());
	}

	@Test
	void reasonsMustBeKnownAndFitTheLevelAndTheCommentMustBeClean() throws Exception {
		String subject = services.decidedApplication(citizen.username());
		post(citizen, rate(citizen, subject, 2, "\"NO_SUCH_REASON\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		post(citizen, rate(citizen, subject, 2, "\"QUICK\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		post(citizen, rate(citizen, subject, 5, "\"WAITED_TOO_LONG\"")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		post(citizen, rate(citizen, subject, 6, "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"));
		String[] parts = subject.split(":");
		post(citizen, """
				{"subjectType":"%s","subjectId":"%s","level":3,"comment":"好\\u202e评"}""".formatted(parts[0], parts[1]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		post(citizen,
				"""
						{"subjectType":"%s","subjectId":"%s","level":3,"comment":"%s"}""".formatted(parts[0], parts[1],
						"字".repeat(1001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		post(citizen, rate(citizen, subject, 3, "\"WAITED_TOO_LONG\"")).andExpect(status().isCreated());
	}

	@Test
	void aRatingChangesWithinSevenDaysAndNotAfter() throws Exception {
		String fresh = services.decidedApplication(citizen.username());
		String location = post(citizen, rate(citizen, fresh, 2, "\"WAITED_TOO_LONG\"")).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(put(location).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":4,\"reasons\":[\"HELPFUL_STAFF\"],\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value(4))
			.andExpect(jsonPath("$.version").value(1));
		// A change against the version it had before is refused: someone changed it
		// since.
		mvc.perform(put(location).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":5,\"version\":0}")).andExpect(status().isConflict());
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(events.stream(RatingGiven.class).filter(e -> e.ratingId().equals(id) && e.changed())).hasSize(1);
		assertThat(db.sql("SELECT key FROM rating_cause WHERE rating_id = :id AND kind = 'REASON'")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("HELPFUL_STAFF");

		// Rated eight days ago: the window closed a day ago.
		clock.moveTo(platformClock.instant().minus(Duration.ofDays(8)));
		String old = services.decidedApplication(citizen.username());
		String oldLocation = post(citizen, rate(citizen, old, 2, "")).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		clock.reset();
		mvc.perform(put(oldLocation).header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":5}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("7")));
	}

	@Test
	void theHallsPadRatesTheClerksOwnLatestWalkInAnonymouslyAndOnlyOnce() {
		String walkIn = services.completedTicket(null, null, FinishedServices.CLERK);
		assertThat(pad.offered(FinishedServices.CLERK)).hasValueSatisfying(o -> {
			assertThat(o.subject()).isEqualTo(walkIn);
			assertThat(o.anonymous()).isTrue();
		});
		// Another clerk's pad neither shows nor rates it.
		assertThat(pad.offered(FinishedServices.OTHER_CLERK).map(RatingPad.Offered::subject))
			.isNotEqualTo(java.util.Optional.of(walkIn));
		assertThatThrownBy(
				() -> pad.rate(FinishedServices.OTHER_CLERK, walkIn, new Ratings.Verdict(1, List.of(), null)))
			.isInstanceOf(NotFoundException.class);

		Rating rating = pad.rate(FinishedServices.CLERK, walkIn,
				new Ratings.Verdict(2, List.of("WAITED_TOO_LONG"), null));
		assertThat(rating.citizen()).isNull();
		assertThat(rating.verified()).isFalse();
		assertThat(rating.followedUp()).isFalse();
		assertThat(rating.givenThrough()).isEqualTo(GivenThrough.PAD);
		assertThat(events.stream(RatingGiven.class).filter(e -> e.ratingId().equals(rating.id()))).singleElement()
			.satisfies(e -> assertThat(e.verified()).isFalse());
		assertThat(pad.offered(FinishedServices.CLERK).map(RatingPad.Offered::subject))
			.isNotEqualTo(java.util.Optional.of(walkIn));
		assertThatThrownBy(() -> pad.rate(FinishedServices.CLERK, walkIn, new Ratings.Verdict(5, List.of(), null)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aPadRatingOfAKnownCitizensVisitCountsUntilTheCitizensOwnRatingReplacesItVerified() throws Exception {
		String visit = services.completedTicket(citizen.username(), null, FinishedServices.CLERK);
		Rating rating = pad.rate(FinishedServices.CLERK, visit, new Ratings.Verdict(5, List.of(), null));
		assertThat(rating.citizen()).isEqualTo(citizen.username());
		assertThat(rating.verified()).isFalse();
		assertThat(followUps(rating.id())).isZero();
		// The clerk's pad cannot take the citizen's one rating of the visit: their own
		// first rating replaces it, verified, and a bad one is followed up.
		post(citizen, rate(citizen, visit, 2, "\"STAFF_ATTITUDE\"")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(rating.id().toString()))
			.andExpect(jsonPath("$.verified").value(true))
			.andExpect(jsonPath("$.followedUp").value(true))
			.andExpect(jsonPath("$.level").value(2))
			.andExpect(jsonPath("$.givenThrough").value("API"));
		assertThat(db.sql("SELECT count(*) FROM rating WHERE subject_type = 'TICKET' AND subject_id = :s")
			.param("s", visit.substring(visit.indexOf(':') + 1))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(followUps(rating.id())).isEqualTo(1);
		// Now it is the citizen's own: a second rating is a conflict, as always.
		post(citizen, rate(citizen, visit, 1, "")).andExpect(status().isConflict());
		assertThatThrownBy(() -> pad.rate(FinishedServices.CLERK, visit, new Ratings.Verdict(5, List.of(), null)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void theCitizensOwnChangeOfAPadRatingMakesItTheirsAndOfTwoFirstRatingsAtOnceOneWins() throws Exception {
		String visit = services.completedTicket(citizen.username(), null, FinishedServices.CLERK);
		Rating rating = pad.rate(FinishedServices.CLERK, visit, new Ratings.Verdict(4, List.of(), null));
		// The web page shows the pad's rating with its change form: the change is the
		// citizen's own word.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/ratings/" + rating.id())
			.header("Authorization", citizen.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":1,\"reasons\":[]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(true));
		assertThat(followUps(rating.id())).isEqualTo(1);

		String other = services.completedTicket(citizen.username(), null, FinishedServices.CLERK);
		Rating padRating = pad.rate(FinishedServices.CLERK, other, new Ratings.Verdict(5, List.of(), null));
		List<Integer> answers = java.util.stream.Stream.of(2, 1).parallel().map(level -> {
			try {
				return post(citizen, rate(citizen, other, level, "")).andReturn().getResponse().getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(answers).containsExactlyInAnyOrder(201, 409);
		assertThat(followUps(padRating.id())).isEqualTo(1);
	}

	private int followUps(java.util.UUID rating) {
		return db.sql("SELECT count(*) FROM follow_up WHERE rating_id = :r AND status = 'OPEN'")
			.param("r", rating)
			.query(Integer.class)
			.single();
	}

	@Test
	void theReasonsAreNamedInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/v1/rating-reasons").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("DOCUMENTS_ALREADY_HELD"))
			.andExpect(jsonPath("$[0].name").value("Asked for documents the government already holds"))
			.andExpect(jsonPath("$[?(@.code == 'QUICK')].praise").value(true));
	}

}
