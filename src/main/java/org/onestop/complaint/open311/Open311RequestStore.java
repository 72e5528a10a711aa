package org.onestop.complaint.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaints as GeoReport v2 lists them, whatever their channel, and the media_url of
 * those posted through Open311 ({@code complaint_open311_media}). A complaint merged into
 * another shows the state of the case it joined.
 */
@Component
class Open311RequestStore {

	private static final String SELECT = """
			SELECT c.id, c.channel, c.category_code, c.description, c.address, c.latitude, c.longitude,
			       c.received_at, c.urgency_tier, c.merged_into IS NOT NULL AS merged, h.status, h.closure,
			       h.lead_department, h.reply_due,
			       (SELECT max(e.at) FROM complaint_event e WHERE e.complaint_id IN (c.id, h.id)) AS updated_at,
			       m.url AS media_url
			FROM complaint c
			JOIN complaint h ON h.id = COALESCE(c.merged_into, c.id)
			LEFT JOIN complaint_open311_media m ON m.complaint_id = c.id
			""";

	private static final String SEARCH = SELECT + """
			WHERE c.received_at >= :from AND c.received_at < :to
			  AND (:allServices OR c.category_code IN (:services))
			  AND ((:open AND h.status <> 'CLOSED') OR (:closed AND h.status = 'CLOSED'))
			ORDER BY c.received_at DESC, c.id
			LIMIT :limit""";

	private static final String BY_IDS = SELECT + """
			WHERE c.id IN (:ids)
			ORDER BY c.received_at DESC, c.id
			LIMIT :limit""";

	private static final String BY_TOKEN = "SELECT id FROM complaint WHERE open311_token = :token";

	private final JdbcClient db;

	Open311RequestStore(JdbcClient db) {
		this.db = db;
	}

	/** One complaint as the list needs it; the status and lead are the case's. */
	record Row(UUID id, String channel, String categoryCode, String description, String address, Double latitude,
			Double longitude, Instant receivedAt, String urgencyTier, boolean merged, String status, String closure,
			String leadDepartment, Instant replyDue, Instant updatedAt, String mediaUrl) {

		boolean closed() {
			return "CLOSED".equals(status);
		}

		boolean viaOpen311() {
			return "OPEN311".equals(channel);
		}

	}

	/**
	 * Complaints received in [from, to), newest first.
	 * @param services the service codes to keep, or empty for all
	 */
	List<Row> search(Instant from, Instant to, Collection<String> services, boolean open, boolean closed, int limit) {
		return db.sql(SEARCH)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("allServices", services.isEmpty())
			// IN () is not SQL: an empty filter is switched off above and names nothing
			// here.
			.param("services", services.isEmpty() ? List.of("") : List.copyOf(services))
			.param("open", open)
			.param("closed", closed)
			.param("limit", limit)
			.query(Open311RequestStore::row)
			.list();
	}

	List<Row> byIds(Collection<UUID> ids, int limit) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return db.sql(BY_IDS)
			.param("ids", List.copyOf(ids))
			.param("limit", limit)
			.query(Open311RequestStore::row)
			.list();
	}

	Optional<UUID> byToken(String token) {
		return db.sql(BY_TOKEN).param("token", token).query(UUID.class).optional();
	}

	void addMedia(UUID complaintId, String url) {
		db.sql("INSERT INTO complaint_open311_media (complaint_id, url) VALUES (:id, :url)")
			.param("id", complaintId)
			.param("url", url)
			.update();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("category_code"),
				rs.getString("description"), rs.getString("address"), (Double) rs.getObject("latitude"),
				(Double) rs.getObject("longitude"), instant(rs, "received_at"), rs.getString("urgency_tier"),
				rs.getBoolean("merged"), rs.getString("status"), rs.getString("closure"),
				rs.getString("lead_department"), instant(rs, "reply_due"), instant(rs, "updated_at"),
				rs.getString("media_url"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
