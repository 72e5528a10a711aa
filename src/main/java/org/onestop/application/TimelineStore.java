package org.onestop.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
	 * Appends the entries in one statement; their ids, drawn row by row, keep their
	 * order.
	 */
	void append(UUID application, Instant at, List<Timeline.Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<Object> values = new ArrayList<>(entries.size() * 5);
		for (Timeline.Entry e : entries) {
			values
				.addAll(List.of(application, Timestamp.from(at), e.kind(), e.actor(), applications.write(e.detail())));
		}
		db.sql("INSERT INTO application_event (application_id, at, kind, actor, detail) VALUES "
				+ String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?::jsonb)")))
			.params(values)
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
