package org.onestop.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every read of a resident's registry data with who, which items and why, in the reader's
 * transaction: the citizen's "who used my data", and the audit log's entry.
 */
@Component
class AccessLog {

	private final JdbcClient db;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccessLog(JdbcClient db, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.events = events;
		this.clock = clock;
	}

	void record(ResidentIdNumber idNumber, String registry, List<String> items, Accessor accessor, String purpose) {
		db.sql("""
				INSERT INTO registry_access (accessed_at, id_number, registry, items, accessor, accessor_kind, department, purpose)
				VALUES (:at, :id, :registry, :items, :accessor, :kind, :department, :purpose)""")
			.param("at", Timestamp.from(clock.instant())).param("id", idNumber.value()).param("registry", registry)
			.param("items", items.toArray(String[]::new)).param("accessor", accessor.username())
			.param("kind", accessor.kind().name()).param("department", accessor.department()).param("purpose", purpose)
			.update();
		events.publishEvent(new RegistryDataRead(accessor.username(), idNumber, registry, items, purpose));
	}

	List<DataAccess> of(ResidentIdNumber idNumber, int limit) {
		return db.sql("""
				SELECT accessed_at, registry, items, accessor, accessor_kind, department, purpose FROM registry_access
				WHERE id_number = :id ORDER BY accessed_at DESC, id DESC LIMIT :limit""")
			.param("id", idNumber.value()).param("limit", limit)
			.query((rs, n) -> new DataAccess(rs.getTimestamp(1).toInstant(), rs.getString(2),
					Arrays.stream((Object[]) rs.getArray(3).getArray()).map(String.class::cast).toList(), rs.getString(4),
					Accessor.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
			.list();
	}
}
