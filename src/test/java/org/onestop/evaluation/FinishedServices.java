package org.onestop.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.ApplicationChanged;
import org.onestop.assistant.ConversationChanged;
import org.onestop.complaint.ComplaintChanged;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.queue.TicketCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Finished services for the rating tests: the rows the delivering modules would have
 * written (their own tests make them their way) and the event they publish when the
 * service finishes, then a wait for the invitation the listener writes.
 */
class FinishedServices {

	static final OneStopUser CLERK = new OneStopUser("clerk.civil", "刘洋", true, null, "CA", Set.of(Role.CLERK));

	static final OneStopUser OTHER_CLERK = new OneStopUser("clerk.ps", "孙丽", true, null, "PS", Set.of(Role.CLERK));

	private final JdbcClient db;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FinishedServices(JdbcClient db, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.db = db;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * An application of the citizen's, decided and announced (twice, as a retry would).
	 */
	String decidedApplication(String citizen) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		db.sql("""
				INSERT INTO application (id, applicant, applicant_id_number, applicant_name, service_code, matter_version,
				  form_revision, department, status, created_at, updated_at, submitted_at, decided_at, channel)
				VALUES (:id, :citizen, '110101199003078882', '李娜', 'CA-ELD-001', 1, 1, 'CA', 'REJECTED', :now, :now,
				  :now, :now, 'WEB')""")
			.param("id", id)
			.param("citizen", citizen)
			.param("now", now)
			.update();
		publish(new ApplicationChanged("reviewer.civil", id, "REJECTED"));
		publish(new ApplicationChanged("reviewer.civil", id, "REJECTED"));
		return invited(SubjectType.APPLICATION, id);
	}

	/** A ticket the clerk completed just now, for an appointment or a walk-in. */
	String completedTicket(String citizen, UUID appointment, OneStopUser clerk) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String number = "R" + (100 + (int) (Math.random() * 899));
		db.sql("""
				INSERT INTO queue_ticket (id, hall, day, group_code, number, service_code, kind, appointment_id, citizen,
				  status, arrived_at, counter, served_by, completed_at, issued_by, updated_at, channel)
				VALUES (:id, 'HALL-EAST', CURRENT_DATE - 400, 'R', :number, NULL, :kind, :appointment, :citizen,
				  'COMPLETED', :now, '1', :clerk, :now, :clerk, :now, 'COUNTER')""")
			.param("id", id)
			.param("number", number + "-" + id.toString().substring(0, 6))
			.param("kind", appointment == null ? "WALK_IN" : "APPOINTMENT")
			.param("appointment", appointment)
			.param("citizen", citizen)
			.param("now", Timestamp.from(now))
			.param("clerk", clerk.username())
			.update();
		publish(new TicketCompleted(id, number, "HALL-EAST", clerk, appointment, null, now));
		return appointment == null ? invited(SubjectType.TICKET, id) : invited(SubjectType.APPOINTMENT, appointment);
	}

	/** A web conversation of the citizen's that an agent ended. */
	String endedConversation(String citizen) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		db.sql("""
				INSERT INTO assistant_conversation (id, citizen, pool, started_at, last_seen_at, handoff, ended_at,
				  contact_channel)
				VALUES (:id, :citizen, 'GS', :now, :now, 'ENDED', :now, 'MOBILE_WEB')""")
			.param("id", id)
			.param("citizen", citizen)
			.param("now", now)
			.update();
		publish(new ConversationChanged("agent.hotline", "conversation:" + id, "ENDED_ANSWERED"));
		return invited(SubjectType.CONVERSATION, id);
	}

	/** A complaint of the citizen's that the civil affairs department replied. */
	String repliedComplaint(String citizen) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		String category = db
			.sql("SELECT code FROM complaint_category WHERE parent_code IS NOT NULL ORDER BY code LIMIT 1")
			.query(String.class)
			.single();
		db.sql("""
				INSERT INTO complaint (id, tracking_code, reporter, channel, category_code, description, urgency_tier,
				  status, lead_department, received_at, replied_at, reply_text, contact_channel)
				VALUES (:id, :tracking, :citizen, 'WEB', :category, '路灯坏了', 'GENERAL_7D', 'REPLIED', 'CA', :now, :now,
				  '已修好', 'WEB')""")
			.param("id", id)
			.param("tracking", "T" + id.toString().substring(0, 12))
			.param("citizen", citizen)
			.param("category", category)
			.param("now", now)
			.update();
		publish(new ComplaintChanged("handler.civil", id, "replied", "replied"));
		return invited(SubjectType.COMPLAINT, id);
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(tx -> events.publishEvent(event));
	}

	private String invited(SubjectType type, UUID id) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> db.sql("SELECT count(*) FROM rating_invitation WHERE subject_type = :t AND subject_id = :id")
				.param("t", type.name())
				.param("id", id.toString())
				.query(Integer.class)
				.single() == 1);
		return type.name() + ":" + id;
	}

}
