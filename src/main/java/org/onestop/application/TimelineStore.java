package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.onestop.application.CaseView.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code application_event}: the timeline of each application, append-only. */
@Repository
class TimelineStore {

	private final JdbcClient db;

	private final ApplicationStore applications;

	TimelineStore(JdbcClient db, ApplicationStore applications) {
		this.db = db;
		this.applications = applications;
	}

	void append(UUID application, Instant at, String kind, String actor, Map<String, ?> detail) {
		db.sql("INSERT INTO application_event (application_id, at, kind, actor, detail) VALUES (:a, :at, :k, :actor, :d::jsonb)")
			.param("a", application)
			.param("at", Timestamp.from(at))
			.param("k", kind)
			.param("actor", actor)
			.param("d", applications.write(detail))
			.update();
	}

	List<TimelineEntry> of(UUID application) {
		return db
			.sql("SELECT at, kind, actor, detail::text FROM application_event WHERE application_id = :a ORDER BY id")
			.param("a", application)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					applications.read(rs.getString(4), new TypeReference<Map<String, Object>>() {
					})))
			.list();
	}

}
