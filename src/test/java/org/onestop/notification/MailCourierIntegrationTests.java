package org.onestop.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.MovableClock;
import org.onestop.TestClock;
import org.onestop.platform.Tokens;
import org.onestop.platform.WorkingCalendar;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Citizen;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * E-mail through a real SMTP server in the test JVM (GreenMail): a decision reaches the
 * applicant in their language; a relay that is down is tried again and the message goes
 * out once it is back.
 */
@IntegrationTest
class MailCourierIntegrationTests {

	private static final NotificationProperties.Dispatch SETTINGS = new NotificationProperties.Dispatch(10,
			Duration.ofMinutes(2), 5, Duration.ofSeconds(30), Duration.ofSeconds(5), false, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	DispatchStore store;

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	TestClock platformClock;

	@Autowired
	WorkingCalendar calendar;

	final MovableClock clock = new MovableClock(OutboxRows.EPOCH.plusSeconds(1));

	OutboxRows rows;

	ServerSetup setup;

	GreenMail smtp;

	@BeforeEach
	void startSmtp() throws IOException {
		rows = new OutboxRows(outbox, db);
		try (ServerSocket free = new ServerSocket(0)) {
			setup = new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		smtp = new GreenMail(setup);
		smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		smtp.stop();
		rows.removeAll();
		platformClock.reset();
	}

	Dispatcher dispatcher() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(setup.getPort());
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "3000");
		properties.put("mail.smtp.timeout", "3000");
		sender.setJavaMailProperties(properties);
		return new Dispatcher(store, List.of(new MailCourier(sender, "onestop@example.gov.cn", clock)), SETTINGS, clock,
				new SimpleMeterRegistry(), "mail-test");
	}

	List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Test
	void anApplicationDecisionReachesTheApplicantByEmailInEnglish() throws Exception {
		platformClock.moveToLatestWorkingMorning(calendar);
		Citizen citizen = accounts.elder();
		String address = "d" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		db.sql("INSERT INTO notification_contact (username, language, email, email_verified_at, updated_at)"
				+ " VALUES (:u, 'en', :e, now(), now())")
			.param("u", citizen.username())
			.param("e", address)
			.update();
		// The decision's kind and its English e-mail, unless the seeded templates have
		// them.
		db.sql("INSERT INTO notification_kind (template, fields, topic) VALUES ('application.notice.named.approved',"
				+ " ARRAY['matter', 'reference'], 'DECISIONS') ON CONFLICT DO NOTHING")
			.update();
		db.sql("INSERT INTO notification_template (template, channel, language, subject, body, html_body) VALUES"
				+ " ('application.notice.named.approved', 'EMAIL', 'en', 'Your application ((reference)) is approved',"
				+ " 'Your application for ((matter)) is approved.', '<p>Your application for ((matter)) is approved.</p>')"
				+ " ON CONFLICT DO NOTHING")
			.update();

		approve(citizen);
		List<UUID> mails = db
			.sql("SELECT id FROM notification_outbox WHERE recipient = :u AND channel = 'EMAIL' AND template ="
					+ " 'application.notice.named.approved'")
			.param("u", citizen.username())
			.query(UUID.class)
			.list();
		assertThat(mails).hasSize(1);
		UUID id = mails.get(0);
		rows.adopt(id);
		dispatcher().dispatchDue();

		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		List<MimeMessage> received = receivedBy(address);
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getSubject()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
		assertThat(mail.getMessageID()).isEqualTo("<" + id + "@onestop>");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		String all = parts.getContentType() + " " + parts.getBodyPart(0).getContentType();
		assertThat(all).containsIgnoringCase("multipart");
		assertThat(rows.row(id)).containsEntry("status", "DELIVERED")
			.containsEntry("provider", "smtp")
			.containsEntry("provider_ref", "<" + id + "@onestop>")
			.containsEntry("attempts", 1);
	}

	@Test
	void aRelayThatIsDownIsTriedAgainAndTheMessageGoesOutOnceBack() throws Exception {
		String address = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		UUID id = rows.mail(address, false);
		smtp.stop();
		Dispatcher dispatcher = dispatcher();
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "TEMPORARY_FAILURE").containsEntry("attempts", 1);
		assertThat((String) rows.row(id).get("failure")).isNotBlank();

		smtp = new GreenMail(setup);
		smtp.start();
		clock.advance(Duration.ofSeconds(10));
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "TEMPORARY_FAILURE");
		clock.advance(Duration.ofSeconds(25));
		dispatcher.dispatchDue();
		assertThat(rows.row(id)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
		clock.advance(Duration.ofHours(1));
		dispatcher.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(receivedBy(address)).hasSize(1);
		assertThat(GreenMailUtil.getBody(receivedBy(address).get(0))).contains("Code 123456");
	}

	private void approve(Citizen citizen) throws Exception {
		String body = mvc
			.perform(post("/api/v1/applications").header("Authorization", citizen.authorization())
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String application = JsonPath.read(body, "$.id");
		String reviewer = "Bearer " + Tokens.of(mvc, "reviewer.civil");
		List<String> tasks = JsonPath
			.read(mvc.perform(get("/api/v1/staff/tasks?size=500").header("Authorization", reviewer))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.tasks[?(@.applicationId == '" + application + "')].id");
		assertThat(tasks).hasSize(1);
		mvc.perform(post("/api/v1/staff/tasks/" + tasks.get(0) + "/claim").header("Authorization", reviewer))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/staff/tasks/" + tasks.get(0) + "/complete").header("Authorization", reviewer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"APPROVE\"}")).andExpect(jsonPath("$.status").value("APPROVED"));
	}

}
