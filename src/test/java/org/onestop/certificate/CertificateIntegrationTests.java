package org.onestop.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issued once per application, whoever asks twice; verified by anyone, showing no more
 * than the certificate.
 */
@IntegrationTest
class CertificateIntegrationTests {

	static final String ID_NUMBER = "11010519491231002X";

	@Autowired
	Certificates certificates;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	static CertificateRequest request(UUID application) {
		return new CertificateRequest(application, "PS-ID-RENEW",
				new LocalizedText("居民身份证换领", "Resident ID card renewal"), "PS",
				new LocalizedText("市公安局", "Municipal Public Security Bureau"), "王小明", new ResidentIdNumber(ID_NUMBER),
				LocalDate.of(2026, 11, 29));
	}

	@Test
	void issuingTwiceGivesTheSameCertificate() throws Exception {
		UUID application = UUID.randomUUID();
		IssuedCertificate first = certificates.issue(request(application));
		IssuedCertificate second = certificates.issue(request(application));

		assertThat(second.code()).isEqualTo(first.code());
		assertThat(CertificateTests.text(second.pdf())).isEqualTo(CertificateTests.text(first.pdf()));
		assertThat(certificates.codeOf(application)).contains(first.code());
		assertThat(certificates.pdf(first.code().toLowerCase())).isPresent();
		assertThat(certificates.codeOf(UUID.randomUUID())).isEmpty();
		assertThat(certificates.pdf("0000-0000-0000-0000")).isEmpty();
	}

	@Test
	void concurrentIssuesMakeOneCertificate() throws Exception {
		UUID application = UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<String> issue = () -> certificates.issue(request(application)).code();
			List<Future<String>> codes = pool.invokeAll(List.of(issue, issue));
			assertThat(codes.get(0).get()).isEqualTo(codes.get(1).get());
		}
		finally {
			pool.shutdown();
		}
		assertThat(db.sql("SELECT count(*) FROM certificate WHERE application_id = :a")
			.param("a", application)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theFullIdNumberIsNeverStored() {
		UUID application = UUID.randomUUID();
		certificates.issue(request(application));
		assertThat(db.sql("SELECT holder_id_masked FROM certificate WHERE application_id = :a")
			.param("a", application)
			.query(String.class)
			.single()).isEqualTo("110105********002X");
	}

	@Test
	void anyoneCanVerifyWithoutSigningIn() throws Exception {
		String code = certificates.issue(request(UUID.randomUUID())).code();

		mvc.perform(get("/verify/" + code.toLowerCase().replace("-", "")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王小明")))
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(containsString("居民身份证换领")))
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(not(containsString(ID_NUMBER))));
		mvc.perform(get("/verify/" + code).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Resident ID card renewal")));
	}

	@Test
	void anUnknownCodeSaysThereIsNoSuchCertificateAndOffersTheFormAgain() throws Exception {
		mvc.perform(get("/verify/0000-0000-0000-0000"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有与此验证码对应的电子证照")))
			.andExpect(content().string(containsString("0000-0000-0000-0000")))
			.andExpect(content().string(containsString("action=\"/verify\"")))
			.andExpect(content().string(not(containsString("govuk-error-summary"))))
			.andExpect(content().string(not(containsString("页面不存在"))));
		mvc.perform(get("/verify/0000-0000-0000-0000").param("lang", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No e-certificate has this verification code")))
			.andExpect(content().string(not(containsString("Page not found"))));
		mvc.perform(get("/verify/{code}", "<b>not-a-code<b>"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有与此验证码对应的电子证照")))
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("&lt;b&gt;not-a-code&lt;b&gt;")));
		mvc.perform(get("/api/v1/certificates/0000-0000-0000-0000"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void theIssuedPdfReadsBackInAnotherReader() throws Exception {
		String code = certificates.issue(request(UUID.randomUUID())).code();
		byte[] pdf = certificates.pdf(code).orElseThrow();

		assertThat(PdfReading.text(pdf)).contains("王小明", "居民身份证换领", "市公安局", code);
		try (var document = PdfReading.load(pdf)) {
			assertThat(PdfReading.fonts(document)).isNotEmpty().allMatch(font -> font.isEmbedded());
		}
		assertThat(PdfReading.render(pdf, 36)).hasSize(1);
	}

	@Test
	void theFormSendsToTheCertificate() throws Exception {
		mvc.perform(get("/verify")).andExpect(status().isOk());
		mvc.perform(get("/verify").param("code", " 7k3m q9tx 4hb2 wz8n "))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/verify/7K3M-Q9TX-4HB2-WZ8N"));
		mvc.perform(get("/verify").param("code", "12345"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")));
	}

	@Test
	void theApiAnswersWithWhatTheCertificatePrints() throws Exception {
		String code = certificates.issue(request(UUID.randomUUID())).code();

		mvc.perform(get("/api/v1/certificates/" + code.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andExpect(jsonPath("$.matterName.zh").value("居民身份证换领"))
			.andExpect(jsonPath("$.holderName").value("王小明"))
			.andExpect(jsonPath("$.holderIdMasked").value("110105********002X"))
			.andExpect(jsonPath("$.department.en").value("Municipal Public Security Bureau"))
			.andExpect(jsonPath("$.issuedOn").value("2026-11-29"))
			.andExpect(content().string(not(containsString(ID_NUMBER))));
	}

}
