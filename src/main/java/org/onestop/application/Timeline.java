package org.onestop.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The story of each application, one entry per thing that happened, shown to the citizen and the staff. */
@Component
class Timeline {

	/** One entry; {@code detail} holds what the entry needs to be read (outcome, reason, items). */
	record Entry(Instant at, String kind, String actor, Map<String, Object> detail) {
	}

	private final JdbcClient db;
	private final ApplicationStore store;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	Timeline(JdbcClient db, ApplicationStore store, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.db = db;
		this.store = store;
		this.clock = clock;
		this.events = events;
	}

	void record(UUID application, String kind, String actor, Map<String, ?> detail) {
		db.sql("INSERT INTO application_event (application_id, at, kind, actor, detail) VALUES (:a, :at, :k, :actor, :d::jsonb)")
			.param("a", application).param("at", Timestamp.from(clock.instant())).param("k", kind).param("actor", actor)
			.param("d", store.write(detail)).update();
		events.publishEvent(new ApplicationChanged(actor, application, kind));
	}

	List<Entry> of(UUID application) {
		return db.sql("SELECT at, kind, actor, detail::text FROM application_event WHERE application_id = :a ORDER BY id")
			.param("a", application)
			.query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					store.read(rs.getString(4), new TypeReference<Map<String, Object>>() {
					})))
			.list();
	}
}
