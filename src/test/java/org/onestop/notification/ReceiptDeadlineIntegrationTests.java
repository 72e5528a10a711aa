package org.onestop.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.MovableClock;
import org.onestop.notification.SmsGateway.Lookup;
import org.onestop.notification.SmsGateway.Outcome;
import org.onestop.notification.SmsGateway.Result;
import org.onestop.platform.PlatformProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Accepted texts whose receipt never came: asked about after an hour, settled by what the
 * provider says, failed after 72 hours, never sent again; a row is asked about by one
 * node at a time.
 */
@IntegrationTest
class ReceiptDeadlineIntegrationTests {

	@Autowired
	ReceiptDeadlineStore store;

	@Autowired
	OutboxStore outbox;

	@Autowired
	JdbcClient db;

	OutboxRows rows;

	final MovableClock clock = new MovableClock(OutboxRows.EPOCH);

	final SmsCourierTests.FakeGateway gateway = new SmsCourierTests.FakeGateway();

	@BeforeEach
	void rows() {
		rows = new OutboxRows(outbox, db);
	}

	@AfterEach
	void removeRows() {
		rows.removeAll();
	}

	ReceiptDeadline sweep() {
		PlatformProperties platform = mock(PlatformProperties.class);
		when(platform.timeZone()).thenReturn(ZoneId.of("Asia/Shanghai"));
		Templates templates = mock(Templates.class);
		when(templates.kind(any())).thenReturn(Optional.empty());
		NotificationProperties properties = new NotificationProperties(
				new NotificationProperties.Sms("fake", "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)),
				new NotificationProperties.Mail(""), new NotificationProperties.Dispatch(50, Duration.ofMinutes(2), 5,
						Duration.ofSeconds(30), Duration.ofSeconds(5), false, 1));
		SmsCourier courier = new SmsCourier(List.of(gateway), properties, mock(SmsRules.class), templates, clock,
				platform);
		return new ReceiptDeadline(store, courier, clock, properties);
	}

	/** A text the provider took at the clock's time; its receipt has not come. */
	UUID accepted(boolean sensitive) {
		UUID id = rows.text("13800000000", sensitive);
		db.sql("""
				UPDATE notification_outbox SET status = 'SENDING', attempts = 1, provider = 'fake',
				    provider_ref = :ref, sent_at = :now, next_attempt_at = NULL WHERE id = :id""")
			.param("ref", "biz-" + id)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return id;
	}

	@Test
	void anHourOnTheProviderIsAskedAndWhatItSaysSettlesTheRow() {
		UUID delivered = accepted(true);
		UUID failed = accepted(false);
		UUID waiting = accepted(false);
		gateway.found = Lookup.notFound();
		ReceiptDeadline sweep = sweep();

		clock.advance(Duration.ofMinutes(59));
		assertThat(sweep.sweep()).isZero();
		assertThat(gateway.asked).as("not asked within the hour").isEmpty();

		clock.advance(Duration.ofMinutes(2));
		gateway.answers.put(delivered.toString(), Lookup.found(new Result(Outcome.DELIVERED, null, "DELIVERED")));
		gateway.answers.put(failed.toString(), Lookup.found(new Result(Outcome.PERMANENT_FAILURE, null, "MK:0001")));
		assertThat(sweep.sweep()).isEqualTo(2);
		assertThat(rows.row(delivered)).containsEntry("status", "DELIVERED")
			.containsEntry("body", "")
			.containsEntry("parameters", null);
		assertThat(rows.row(delivered).get("redacted_at")).isNotNull();
		assertThat(rows.row(failed)).containsEntry("status", "PERMANENT_FAILURE").containsEntry("failure", "MK:0001");
		assertThat(rows.row(waiting)).containsEntry("status", "SENDING");
		assertThat(gateway.asked).hasSize(3);

		// Asked just now (on this node or another): not again within the hour.
		clock.advance(Duration.ofMinutes(30));
		assertThat(sweep.sweep()).isZero();
		assertThat(gateway.asked).hasSize(3);
		clock.advance(Duration.ofMinutes(31));
		sweep.sweep();
		assertThat(gateway.asked).hasSize(4).last().asString().startsWith(waiting.toString());
		assertThat(gateway.sent).isEmpty();
	}

	@Test
	void after72HoursWithNoAnswerTheRowFailsAndIsNeverSentAgain() {
		UUID silent = accepted(false);
		UUID unreachable = accepted(false);
		gateway.answers.put(unreachable.toString(), Lookup.unknown("timed out"));
		ReceiptDeadline sweep = sweep();

		for (int i = 0; i < 10; i++) {
			clock.advance(Duration.ofHours(7));
			sweep.sweep();
		}
		assertThat(rows.status(silent)).isEqualTo("SENDING");

		clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(sweep.sweep()).isEqualTo(2);
		assertThat(rows.row(silent)).containsEntry("status", "PERMANENT_FAILURE")
			.containsEntry("failure", ReceiptDeadline.NO_RECEIPT);
		assertThat(rows.row(unreachable)).containsEntry("status", "PERMANENT_FAILURE");
		assertThat(gateway.sent).isEmpty();
		// The dispatcher does not take a settled row again either.
		assertThat(rows.row(silent)).containsEntry("next_attempt_at", null).containsEntry("claimed_by", null);
	}

	@Test
	void aReceiptThatCameMeanwhileStands() {
		UUID text = accepted(false);
		clock.advance(Duration.ofHours(73));
		db.sql("UPDATE notification_outbox SET status = 'DELIVERED' WHERE id = :id").param("id", text).update();
		assertThat(store.settle(text, DeliveryStatus.PERMANENT_FAILURE, "late", clock.instant())).isFalse();
		assertThat(rows.status(text)).isEqualTo("DELIVERED");
	}

}
