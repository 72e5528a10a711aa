package org.onestop.complaint.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The third-party apps that may post requests ({@code complaint_open311_client}). */
@Component
class Open311ClientStore {

	private final JdbcClient db;

	Open311ClientStore(JdbcClient db) {
		this.db = db;
	}

	/** False when the id or the key's hash is taken (two nodes may add the same one). */
	boolean add(String id, String name, String keySha256, String by, Instant at) {
		return db.sql("""
				INSERT INTO complaint_open311_client (id, name, key_sha256, created_at, created_by)
				VALUES (:id, :name, :hash, :at, :by) ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("name", name)
			.param("hash", keySha256)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() > 0;
	}

	List<Open311Client> all() {
		return db.sql("SELECT id, name, created_at, created_by, revoked_at FROM complaint_open311_client ORDER BY id")
			.query(Open311ClientStore::client)
			.list();
	}

	Optional<Open311Client> find(String id) {
		return db
			.sql("SELECT id, name, created_at, created_by, revoked_at FROM complaint_open311_client WHERE id = :id")
			.param("id", id)
			.query(Open311ClientStore::client)
			.optional();
	}

	/** Whether the client was revoked now (false when it already was). */
	boolean revoke(String id, Instant at) {
		return db.sql("UPDATE complaint_open311_client SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() > 0;
	}

	/** The client holding the key with this hash, unless revoked. */
	Optional<String> active(String keySha256) {
		return db.sql("SELECT id FROM complaint_open311_client WHERE key_sha256 = :hash AND revoked_at IS NULL")
			.param("hash", keySha256)
			.query(String.class)
			.optional();
	}

	private static Open311Client client(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Open311Client(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), revoked == null ? null : revoked.toInstant());
	}

}
