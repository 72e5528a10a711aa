package org.onestop.application;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.onestop.application.vault.DocumentVault;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.certificate.CertificateRequest;
import org.onestop.certificate.Certificates;
import org.onestop.certificate.IssuedCertificate;
import org.onestop.identity.Department;
import org.onestop.identity.Departments;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * Issues the e-certificate (电子证照) of an approved application and puts it into the
 * citizen's vault: a certificate OneStop issued is never asked of them again. Issuing is
 * idempotent per application.
 */
@Component
class Issuing {

	private final Certificates certificates;

	private final DocumentVault vault;

	private final ApplicationStore store;

	private final Catalog catalog;

	private final Departments departments;

	private final Deadlines deadlines;

	private final Timeline timeline;

	Issuing(Certificates certificates, DocumentVault vault, ApplicationStore store, Catalog catalog,
			Departments departments, Deadlines deadlines, Timeline timeline) {
		this.certificates = certificates;
		this.vault = vault;
		this.store = store;
		this.catalog = catalog;
		this.departments = departments;
		this.deadlines = deadlines;
		this.timeline = timeline;
	}

	void issue(Application application) {
		if (application.certificateCode() != null) {
			return;
		}
		Matter matter = catalog.matter(application.serviceCode(), application.matterVersion()).orElseThrow();
		Department department = departments.byCode(application.department()).orElseThrow();
		LocalDate today = deadlines.today();
		IssuedCertificate issued = certificates.issue(new CertificateRequest(application.id(),
				application.serviceCode(), matter.definition().name(), department.code(),
				new LocalizedText(department.name(Locale.CHINESE), department.name(Locale.ENGLISH)),
				application.applicantName(), ResidentIdNumber.parse(application.applicantIdNumber()), today));
		store.certificate(application.id(), issued.code());
		vault.deposit(application.applicant(), matter.definition().name().zh() + " 电子证照", issued.pdf(),
				application.id());
		timeline.record(application.id(), "CERTIFICATE_ISSUED", "system", Map.of("code", issued.code()));
	}

}
