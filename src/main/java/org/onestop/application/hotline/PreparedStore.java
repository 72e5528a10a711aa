package org.onestop.application.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.application.hotline.PreparedApplication.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code application_prepared}. */
@Repository
class PreparedStore {

	private static final String INSERT = """
			INSERT INTO application_prepared (id, applicant, applicant_id_number, applicant_name, service_code, fields,
			    prefilled, prepared_by, prepared_by_name, call_id, call_topic, call_at, idempotency_key, status,
			    created_at, expires_at)
			VALUES (:id, :applicant, :idNumber, :name, :code, CAST(:fields AS jsonb), CAST(:prefilled AS jsonb), :by,
			    :byName, :callId, :callTopic, :callAt, :key, 'PENDING', :now, :expires)
			ON CONFLICT (prepared_by, idempotency_key) DO NOTHING""";

	private static final String BY_KEY = "SELECT * FROM application_prepared WHERE prepared_by = :by AND idempotency_key = :key";

	private static final String FIND = "SELECT * FROM application_prepared WHERE id = :id";

	private static final String LOCK = "SELECT * FROM application_prepared WHERE id = :id FOR UPDATE";

	private static final String OF_RESIDENT = """
			SELECT * FROM application_prepared WHERE applicant_id_number = :idNumber
			ORDER BY created_at DESC, id LIMIT 100""";

	private static final String CONFIRMED = """
			UPDATE application_prepared SET status = 'CONFIRMED', closed_at = :now, confirmed_at_counter = :counter,
			    confirmed_by = :by, identity_checked = :identityChecked, consent = :consent, application_id = :application
			WHERE id = :id AND status = 'PENDING'""";

	private static final String CLOSED = """
			UPDATE application_prepared SET status = :status, closed_at = :now WHERE id = :id AND status = 'PENDING'""";

	private final JdbcClient db;

	private final ObjectMapper json;

	PreparedStore(JdbcClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Stores a new prepared application; false when the agent's key was used already. */
	boolean insert(PreparedApplication p, String key) {
		return db.sql(INSERT)
			.param("id", p.id())
			.param("applicant", p.applicant())
			.param("idNumber", p.applicantIdNumber())
			.param("name", p.applicantName())
			.param("code", p.serviceCode())
			.param("fields", write(p.fields()))
			.param("prefilled", write(p.prefilled()))
			.param("by", p.preparedBy())
			.param("byName", p.preparedByName())
			.param("callId", p.callId())
			.param("callTopic", p.callTopic())
			.param("callAt", p.callAt() == null ? null : Timestamp.from(p.callAt()))
			.param("key", key)
			.param("now", Timestamp.from(p.createdAt()))
			.param("expires", Timestamp.from(p.expiresAt()))
			.update() == 1;
	}

	Optional<PreparedApplication> byKey(String agent, String key) {
		return db.sql(BY_KEY).param("by", agent).param("key", key).query(this::map).optional();
	}

	Optional<PreparedApplication> find(UUID id) {
		return db.sql(FIND).param("id", id).query(this::map).optional();
	}

	/** The row, locked until the transaction ends: one confirmation at a time. */
	Optional<PreparedApplication> lock(UUID id) {
		return db.sql(LOCK).param("id", id).query(this::map).optional();
	}

	List<PreparedApplication> ofResident(String idNumber) {
		return db.sql(OF_RESIDENT).param("idNumber", idNumber).query(this::map).list();
	}

	void confirmed(UUID id, UUID application, boolean atCounter, String by, Boolean identityChecked, Boolean consent,
			Instant now) {
		db.sql(CONFIRMED)
			.param("id", id)
			.param("application", application)
			.param("counter", atCounter)
			.param("by", by)
			.param("identityChecked", identityChecked)
			.param("consent", consent)
			.param("now", Timestamp.from(now))
			.update();
	}

	void closed(UUID id, Status status, Instant now) {
		db.sql(CLOSED).param("id", id).param("status", status.name()).param("now", Timestamp.from(now)).update();
	}

	private PreparedApplication map(ResultSet rs, int row) throws SQLException {
		Timestamp callAt = rs.getTimestamp("call_at");
		Timestamp closedAt = rs.getTimestamp("closed_at");
		Object counter = rs.getObject("confirmed_at_counter");
		return new PreparedApplication(rs.getObject("id", UUID.class), rs.getString("applicant"),
				rs.getString("applicant_id_number"), rs.getString("applicant_name"), rs.getString("service_code"),
				read(rs.getString("fields")), read(rs.getString("prefilled")), rs.getString("prepared_by"),
				rs.getString("prepared_by_name"), rs.getObject("call_id", UUID.class), rs.getString("call_topic"),
				callAt == null ? null : callAt.toInstant(), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				closedAt == null ? null : closedAt.toInstant(), counter == null ? null : (Boolean) counter,
				rs.getString("confirmed_by"), rs.getObject("application_id", UUID.class));
	}

	private String write(Map<String, String> values) {
		try {
			return json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, String> read(String text) {
		try {
			return json.readValue(text, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored prepared application does not parse", ex);
		}
	}

}
