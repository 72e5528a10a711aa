package org.onestop.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code certificate} table: one row per approved application, found by application
 * or by code.
 */
@Component
class CertificateStore {

	private static final String COLUMNS = """
			code, application_id, service_code, matter_name_zh, matter_name_en, department_code, department_name_zh,
			department_name_en, holder_name, holder_id_masked, issued_on, status""";

	private static final String INSERT = "INSERT INTO certificate (" + COLUMNS + ", issued_at) " + """
			VALUES (:code, :application, :service, :matterZh, :matterEn, :departmentCode, :departmentZh,
			        :departmentEn, :holder, :masked, :issuedOn, :status, :issuedAt)
			ON CONFLICT (application_id) DO NOTHING""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM certificate ";

	private final JdbcClient db;

	CertificateStore(JdbcClient db) {
		this.db = db;
	}

	/**
	 * Stores a valid certificate under this code unless the application has one already.
	 * A concurrent call for the same application waits here for the first to commit, then
	 * stores nothing.
	 */
	void addOnce(String code, CertificateRequest request, Instant now) {
		db.sql(INSERT)
			.param("code", code)
			.param("application", request.applicationId())
			.param("service", request.serviceCode())
			.param("matterZh", request.matterName().zh())
			.param("matterEn", request.matterName().en())
			.param("departmentCode", request.departmentCode())
			.param("departmentZh", request.departmentName().zh())
			.param("departmentEn", request.departmentName().en())
			.param("holder", request.holderName())
			.param("masked", Certificate.mask(request.holderIdNumber().value()))
			.param("issuedOn", request.issuedOn())
			.param("status", Certificate.Status.VALID.name())
			.param("issuedAt", Timestamp.from(now))
			.update();
	}

	Optional<Certificate> ofApplication(UUID applicationId) {
		return db.sql(SELECT + "WHERE application_id = :application")
			.param("application", applicationId)
			.query(CertificateStore::certificate)
			.optional();
	}

	Optional<String> codeOf(UUID applicationId) {
		return db.sql("SELECT code FROM certificate WHERE application_id = :application")
			.param("application", applicationId)
			.query(String.class)
			.optional();
	}

	/** The certificate with this code, exactly as stored (upper case). */
	Optional<Certificate> find(String code) {
		return db.sql(SELECT + "WHERE code = :code")
			.param("code", code)
			.query(CertificateStore::certificate)
			.optional();
	}

	private static Certificate certificate(ResultSet rs, int row) throws SQLException {
		return new Certificate(rs.getString("code"), rs.getObject("application_id", UUID.class),
				rs.getString("service_code"),
				new LocalizedText(rs.getString("matter_name_zh"), rs.getString("matter_name_en")),
				rs.getString("department_code"),
				new LocalizedText(rs.getString("department_name_zh"), rs.getString("department_name_en")),
				rs.getString("holder_name"), rs.getString("holder_id_masked"),
				rs.getObject("issued_on", LocalDate.class), Certificate.Status.valueOf(rs.getString("status")));
	}

}
