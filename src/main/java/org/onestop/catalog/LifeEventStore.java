package org.onestop.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored life events, in the order they are shown. */
@Component
class LifeEventStore {

	private final JdbcClient db;

	private final MatterStore store;

	LifeEventStore(JdbcClient db, MatterStore store) {
		this.db = db;
		this.store = store;
	}

	List<LifeEvent> all() {
		return db.sql("SELECT definition::text FROM catalog_life_event ORDER BY position, code")
			.query((rs, n) -> store.read(rs.getString(1), LifeEvent.class))
			.list();
	}

	Optional<LifeEvent> find(String code) {
		return db.sql("SELECT definition::text FROM catalog_life_event WHERE code = :code")
			.param("code", code)
			.query((rs, n) -> store.read(rs.getString(1), LifeEvent.class))
			.optional();
	}

	/**
	 * @return true when the life event was new
	 */
	boolean put(LifeEvent event, int position, Instant now) {
		return db.sql("""
				INSERT INTO catalog_life_event (code, position, definition, updated_at)
				VALUES (:code, :position, CAST(:definition AS jsonb), :now)
				ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, definition = EXCLUDED.definition,
				    updated_at = EXCLUDED.updated_at
				RETURNING (xmax = 0)""")
			.param("code", event.code())
			.param("position", position)
			.param("definition", store.write(event))
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

}
