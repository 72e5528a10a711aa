package org.onestop.identity.mandate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mandates and the signatures scanned at counters. */
@Repository
class MandateStore {

	private static final String MANDATE = "SELECT * FROM identity_mandate";

	private static final String INSERT = """
			INSERT INTO identity_mandate (id, grantor_id_number, grantor_name, representative_id_number,
			    representative_name, service_codes, until, granted_how, created_at, created_by)
			VALUES (:id, :grantor, :grantorName, :representative, :representativeName, :codes, :until, :how,
			    :createdAt, :createdBy)""";

	private static final String ACTIVE = MANDATE + """
			 WHERE representative_id_number = :representative AND grantor_id_number = :grantor
			   AND revoked_at IS NULL AND until >= :today
			ORDER BY created_at DESC""";

	private static final String REVOKE = """
			UPDATE identity_mandate SET revoked_at = :now, revoked_by = :by
			WHERE id = :id AND grantor_id_number = :grantor AND revoked_at IS NULL""";

	private static final String ACCOUNT = """
			SELECT a.username, a.display_name FROM identity_account a
			JOIN identity_citizen c ON c.account_id = a.id
			WHERE c.id_number = :idNumber AND a.enabled""";

	private final JdbcClient db;

	MandateStore(JdbcClient db) {
		this.db = db;
	}

	/** A citizen's account, when they have one. */
	record Account(String username, String displayName) {
	}

	void add(Mandate m) {
		db.sql(INSERT)
			.param("id", m.id())
			.param("grantor", m.grantorIdNumber())
			.param("grantorName", m.grantorName())
			.param("representative", m.representativeIdNumber())
			.param("representativeName", m.representativeName())
			.param("codes", m.serviceCodes().toArray(String[]::new))
			.param("until", Date.valueOf(m.until()))
			.param("how", m.how().name())
			.param("createdAt", Timestamp.from(m.createdAt()))
			.param("createdBy", m.createdBy())
			.update();
	}

	void addSignature(UUID mandateId, String fileName, String contentType, byte[] content) {
		db.sql("""
				INSERT INTO identity_mandate_signature (mandate_id, id_cards_seen, file_name, content_type, content)
				VALUES (:id, :seen, :fileName, :contentType, :content)""")
			.param("id", mandateId)
			.param("seen", true)
			.param("fileName", fileName)
			.param("contentType", contentType)
			.param("content", content)
			.update();
	}

	/** The unrevoked, unexpired mandates from the grantor to the representative. */
	List<Mandate> active(String representativeIdNumber, String grantorIdNumber, LocalDate today) {
		return db.sql(ACTIVE)
			.param("representative", representativeIdNumber)
			.param("grantor", grantorIdNumber)
			.param("today", Date.valueOf(today))
			.query(MandateStore::mandate)
			.list();
	}

	/** The mandates a citizen gave, newest first. */
	List<Mandate> given(String grantorIdNumber) {
		return db.sql(MANDATE + " WHERE grantor_id_number = :id ORDER BY created_at DESC LIMIT 100")
			.param("id", grantorIdNumber)
			.query(MandateStore::mandate)
			.list();
	}

	/** The mandates a citizen received, newest first. */
	List<Mandate> received(String representativeIdNumber) {
		return db.sql(MANDATE + " WHERE representative_id_number = :id ORDER BY created_at DESC LIMIT 100")
			.param("id", representativeIdNumber)
			.query(MandateStore::mandate)
			.list();
	}

	Optional<Mandate> ofGrantor(UUID id, String grantorIdNumber) {
		return db.sql(MANDATE + " WHERE id = :id AND grantor_id_number = :grantor")
			.param("id", id)
			.param("grantor", grantorIdNumber)
			.query(MandateStore::mandate)
			.optional();
	}

	/**
	 * Revokes one of the grantor's mandates; false when it is not theirs or already
	 * revoked.
	 */
	boolean revoke(UUID id, String grantorIdNumber, String by, Instant now) {
		return db.sql(REVOKE)
			.param("id", id)
			.param("grantor", grantorIdNumber)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<Account> account(String idNumber) {
		return db.sql(ACCOUNT).param("idNumber", idNumber).query(Account.class).optional();
	}

	private static Mandate mandate(ResultSet rs, int row) throws SQLException {
		Timestamp revokedAt = rs.getTimestamp("revoked_at");
		return new Mandate(rs.getObject("id", UUID.class), rs.getString("grantor_id_number"),
				rs.getString("grantor_name"), rs.getString("representative_id_number"),
				rs.getString("representative_name"), Arrays.asList((String[]) rs.getArray("service_codes").getArray()),
				rs.getDate("until").toLocalDate(), Mandate.How.valueOf(rs.getString("granted_how")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"));
	}

}
