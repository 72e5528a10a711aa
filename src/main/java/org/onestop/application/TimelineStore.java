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

	/**
	 * Appends the entries in one statement; their ids, drawn row by row in the order the
	 * rows arrive, keep their order.
	 */
	void append(UUID application, Instant at, List<Timeline.Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		db.sql("""
				INSERT INTO application_event (application_id, at, kind, actor, detail)
				SELECT :a, :at, e.kind, e.actor, e.detail::jsonb
				FROM unnest(:kinds::text[], :actors::text[], :details::text[]) WITH ORDINALITY AS e(kind, actor, detail, n)
				ORDER BY e.n""")
			.param("a", application)
			.param("at", Timestamp.from(at))
			.param("kinds", entries.stream().map(Timeline.Entry::kind).toArray(String[]::new))
			.param("actors", entries.stream().map(Timeline.Entry::actor).toArray(String[]::new))
			.param("details", entries.stream().map(e -> applications.write(e.detail())).toArray(String[]::new))
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
