package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.platform.Messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the outbox writes for a message, and how few questions it asks the database for
 * it: the kind once per node, then one query for the reach and one for the templates.
 */
class OutboxTests {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private static final String KEY = "appointment.reminder.day-before";

	private static final String PHONE = "13800000000";

	private final TemplateStore templateStore = mock(TemplateStore.class);

	private final ContactStore contacts = mock(ContactStore.class);

	private final Contacts phones = mock(Contacts.class);

	private final SmsDayStore days = mock(SmsDayStore.class);

	private final OutboxStore rows = mock(OutboxStore.class);

	private final List<OutboxStore.NewRow> written = new ArrayList<>();

	OutboxTests() {
		when(templateStore.kind(KEY))
			.thenReturn(Optional.of(new Kind(KEY, List.of("when"), Topic.APPOINTMENTS, false)));
		Map<Channel, TemplateStore.StoredTemplate> byChannel = new EnumMap<>(Channel.class);
		for (Channel c : Channel.values()) {
			byChannel.put(c, new TemplateStore.StoredTemplate(KEY, c, "zh", "s", "((when))", null, null, 1, null,
					Instant.EPOCH));
		}
		when(templateStore.templates(KEY, "zh")).thenReturn(byChannel);
		when(contacts.forTopic(anyString(), any()))
			.thenReturn(new ContactStore.ForTopic("zh", "a@example.com", null, null));
		when(phones.verifiedPhone(anyString())).thenReturn(Optional.of(PHONE));
		when(days.count(anyString(), any(), anyInt())).thenReturn(true);
		doAnswer(a -> written.add(a.getArgument(0))).when(rows).add(any(), any());
	}

	private Outbox outbox(Instant now) {
		// The rules only add the site and the signature: passing values through will do.
		TemplateRules rules = mock(TemplateRules.class, a -> a.getArguments().length == 1 ? a.getArgument(0) : null);
		Templates templates = new Templates(templateStore, mock(Messages.class), rules);
		SmsRules sms = new SmsRules(
				new NotificationProperties.Sms("", "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)), CITY, days);
		return new Outbox(templates, new Recipients(contacts, phones), sms, rows, mock(DispatchSignal.class),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private static Instant city(String dateTime) {
		return java.time.LocalDateTime.parse(dateTime).atZone(CITY).toInstant();
	}

	private static Message message() {
		return new Message("citizen-1", KEY, List.of("明天 10:00"), null, "APPOINTMENT_REMINDER");
	}

	@Test
	void aMessageAsksForItsKindOnceAndForReachAndTemplatesInOneQueryEach() {
		Instant noon = city("2026-12-07T12:00");
		Outbox outbox = outbox(noon);
		outbox.write(UUID.randomUUID(), message(), noon, null);
		outbox.write(UUID.randomUUID(), message(), noon, null);
		verify(templateStore, times(1)).kind(KEY);
		verify(templateStore, times(2)).templates(KEY, "zh");
		verify(templateStore, never()).template(any(), any(), any());
		verify(contacts, times(2)).forTopic("citizen-1", Topic.APPOINTMENTS);
		// The inbox row stays: the API lists channel INBOX.
		assertThat(written).extracting(OutboxStore.NewRow::channel)
			.containsExactly(Channel.INBOX, Channel.SMS, Channel.EMAIL, Channel.INBOX, Channel.SMS, Channel.EMAIL);
	}

	@Test
	void aTextHeldByQuietHoursCountsOnTheDayItGoesOut() {
		Instant tenPm = city("2026-12-07T22:00");
		outbox(tenPm).write(UUID.randomUUID(), message(), tenPm, null);
		verify(days).count(PHONE, LocalDate.of(2026, 12, 8), 10);
		verify(days, never()).count(PHONE, LocalDate.of(2026, 12, 7), 10);
		assertThat(written.get(1).nextAttemptAt()).isEqualTo(city("2026-12-08T08:00"));
	}

	@Test
	void aTextThatWouldWaitPastItsMomentIsNotSent() {
		Instant late = city("2026-12-07T21:05");
		outbox(late).write(UUID.randomUUID(), message(), late, city("2026-12-07T21:10"));
		OutboxStore.NewRow text = written.get(1);
		assertThat(text.channel()).isEqualTo(Channel.SMS);
		assertThat(text.status()).isEqualTo(DeliveryStatus.WITHHELD);
		assertThat(text.failure()).isEqualTo("expired");
		verify(days, never()).count(anyString(), any(), anyInt());
		// The e-mail goes out at once, before the slot.
		assertThat(written.get(2).status()).isEqualTo(DeliveryStatus.CREATED);
		assertThat(written.get(2).channel()).isEqualTo(Channel.EMAIL);
		verify(rows, times(3)).add(any(), eq(late));
	}

}
