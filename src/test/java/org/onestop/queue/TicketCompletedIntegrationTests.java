package org.onestop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link TicketCompleted} goes through the event publication registry: stored in the
 * completing transaction, removed once the application recorded the trip, and resubmitted
 * when it was left incomplete (a node died in between).
 */
@IntegrationTest
class TicketCompletedIntegrationTests {

	static final String HALL = "HALL-WEST";

	static final String PUBLICATIONS = """
			SELECT id, listener_id, event_type, serialized_event, publication_date FROM event_publication
			WHERE event_type = :type AND serialized_event LIKE :ticket AND completion_date IS NULL
			  AND listener_id LIKE '%CounterVisits%'""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	QueueFixture hall;

	String token;

	UUID application;

	@BeforeEach
	void emptyHall() throws Exception {
		token = Tokens.of(mvc, "clerk.ps");
		hall = new QueueFixture(mvc, db, clock, HALL, token);
		hall.clear();
		// A submitted application of the clerk's department (the application module's own
		// tests make them its way).
		application = UUID.randomUUID();
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, created_at, updated_at, submitted_at)
				VALUES (:id, 'li.na', '110101199003078882', '李娜', :service, 1, 1, 'PS', 'SUBMITTED', now(), now(), now())""")
			.param("id", application)
			.param("service", hall.service("A"))
			.update();
	}

	private String servedTicket() throws Exception {
		String ticket = hall.walkIn("A");
		db.sql("UPDATE queue_ticket SET application_id = :a WHERE id = :t")
			.param("a", application)
			.param("t", UUID.fromString(ticket))
			.update();
		mvc.perform(post("/api/v1/halls/" + HALL + "/counters/1/call-next").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		return ticket;
	}

	private int trips() {
		return db.sql("SELECT count(*) FROM application_trip WHERE application_id = :a")
			.param("a", application)
			.query(Integer.class)
			.single();
	}

	private int publications(String ticket) {
		return db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :t")
			.param("t", "%" + ticket + "%")
			.query(Integer.class)
			.single();
	}

	/**
	 * Completes the ticket and reads its publication inside the same transaction, before
	 * the listener could handle (and delete) it.
	 */
	private Map<String, Object> completeAndReadPublication(String ticket) {
		return transactions.execute(tx -> {
			try {
				mvc.perform(post("/api/v1/halls/" + HALL + "/tickets/" + ticket + "/complete").header("Authorization",
						"Bearer " + token))
					.andExpect(status().isOk());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return db.sql(PUBLICATIONS)
				.param("type", TicketCompleted.class.getName())
				.param("ticket", "%" + ticket + "%")
				.query()
				.singleRow();
		});
	}

	@Test
	void theEventIsStoredWithTheCompletionAndDeletedOnceTheTripIsRecorded() throws Exception {
		String ticket = servedTicket();
		int before = trips();
		Map<String, Object> stored = completeAndReadPublication(ticket);
		assertThat((String) stored.get("listener_id")).contains("CounterVisits");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(trips()).isEqualTo(before + 1);
			assertThat(publications(ticket)).isZero();
		});
	}

	@Test
	void anIncompletePublicationIsResubmittedAndRecordsTheTripOnce() throws Exception {
		String ticket = servedTicket();
		int before = trips();
		Map<String, Object> stored = completeAndReadPublication(ticket);
		await().atMost(Duration.ofSeconds(10)).until(() -> publications(ticket) == 0);
		assertThat(trips()).isEqualTo(before + 1);

		// Delivered twice (two nodes restarting together each resubmit what was
		// outstanding): one trip all the same.
		republish(stored);
		incomplete.resubmitIncompletePublications(publication -> true);
		await().atMost(Duration.ofSeconds(10)).until(() -> publications(ticket) == 0);
		assertThat(trips()).isEqualTo(before + 1);

		// As if the node had died after the completion's commit and before the
		// listener's: no trip, and the
		// publication still incomplete. Resubmitting records the trip.
		db.sql("DELETE FROM application_trip WHERE application_id = :a AND ticket IS NOT NULL")
			.param("a", application)
			.update();
		republish(stored);
		incomplete.resubmitIncompletePublications(publication -> true);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(trips()).isEqualTo(before + 1);
			assertThat(publications(ticket)).isZero();
		});
		// However late it is recorded, the trip is when the clerk completed the ticket.
		assertThat(db
			.sql("SELECT t.at = q.completed_at FROM application_trip t JOIN queue_ticket q ON q.id = t.ticket "
					+ "WHERE t.ticket = :ticket")
			.param("ticket", UUID.fromString(ticket))
			.query(Boolean.class)
			.single()).isTrue();
	}

	private void republish(Map<String, Object> stored) {
		db.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
				VALUES (:id, :listener, :type, :event, :at)""")
			.param("id", UUID.randomUUID())
			.param("listener", stored.get("listener_id"))
			.param("type", stored.get("event_type"))
			.param("event", stored.get("serialized_event"))
			.param("at", stored.get("publication_date"))
			.update();
	}

}
