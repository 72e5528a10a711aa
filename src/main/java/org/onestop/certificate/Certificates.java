package org.onestop.certificate;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.onestop.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues electronic certificates for approved applications, one per application, and finds them again
 * by verification code.
 */
@Service
public class Certificates {

	private static final String COLUMNS = """
			code, application_id, service_code, matter_name_zh, matter_name_en, department_code, department_name_zh,
			department_name_en, holder_name, holder_id_masked, issued_on, status""";

	private final JdbcClient db;

	private final CertificatePdf pdf;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Certificates(JdbcClient db, CertificatePdf pdf, Clock clock) {
		this.db = db;
		this.pdf = pdf;
		this.clock = clock;
	}

	/**
	 * Issues the certificate for an approved application, joining the caller's transaction. Idempotent per
	 * application: a second call, even a concurrent one, returns the same code and a PDF with the same content.
	 */
	@Transactional
	public IssuedCertificate issue(CertificateRequest request) {
		Objects.requireNonNull(request.applicationId(), "applicationId");
		Objects.requireNonNull(request.holderIdNumber(), "holderIdNumber");
		Objects.requireNonNull(request.issuedOn(), "issuedOn");
		// A concurrent call for the same application waits here for the first to commit, then inserts nothing.
		db.sql("INSERT INTO certificate (" + COLUMNS + ", issued_at) " + """
				VALUES (:code, :application, :service, :matterZh, :matterEn, :departmentCode, :departmentZh,
				        :departmentEn, :holder, :masked, :issuedOn, 'VALID', :issuedAt)
				ON CONFLICT (application_id) DO NOTHING""")
			.param("code", VerificationCode.random(random))
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
			.param("issuedAt", Timestamp.from(clock.instant()))
			.update();
		Certificate certificate = db.sql("SELECT " + COLUMNS + " FROM certificate WHERE application_id = :application")
			.param("application", request.applicationId())
			.query(Certificates::certificate)
			.single();
		return new IssuedCertificate(certificate.code(), pdf.render(certificate));
	}

	public Optional<String> codeOf(UUID applicationId) {
		return db.sql("SELECT code FROM certificate WHERE application_id = :application")
			.param("application", applicationId)
			.query(String.class)
			.optional();
	}

	/** The PDF again, e.g. for download; the code may be typed in any case. */
	public Optional<byte[]> pdf(String code) {
		return find(code).map(pdf::render);
	}

	/** The certificate with this code, however it was typed; empty for a code that cannot exist. */
	Optional<Certificate> find(String code) {
		return VerificationCode.normalise(code)
			.flatMap(normalised -> db.sql("SELECT " + COLUMNS + " FROM certificate WHERE code = :code")
				.param("code", normalised)
				.query(Certificates::certificate)
				.optional());
	}

	private static Certificate certificate(ResultSet rs, int row) throws SQLException {
		return new Certificate(rs.getString("code"), rs.getObject("application_id", UUID.class),
				rs.getString("service_code"), new LocalizedText(rs.getString("matter_name_zh"), rs.getString("matter_name_en")),
				rs.getString("department_code"),
				new LocalizedText(rs.getString("department_name_zh"), rs.getString("department_name_en")),
				rs.getString("holder_name"), rs.getString("holder_id_masked"), rs.getObject("issued_on", java.time.LocalDate.class),
				Certificate.Status.valueOf(rs.getString("status")));
	}
}
