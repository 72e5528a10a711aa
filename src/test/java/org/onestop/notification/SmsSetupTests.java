package org.onestop.notification;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A provider set up wrongly is named, not left to fail text by text. */
class SmsSetupTests {

	final SmsSetupQueries queries = mock(SmsSetupQueries.class);

	SmsSetup setup(String provider, SmsGateway gateway) {
		return new SmsSetup(new NotificationProperties(
				new NotificationProperties.Sms(provider, "OneStop", 10, LocalTime.of(21, 0), LocalTime.of(8, 0)),
				new NotificationProperties.Mail(""), null), List.of(gateway), queries);
	}

	@Test
	void aMisspeltProviderMissingKeysAndTemplatesWithoutCodesAreNamed() {
		when(queries.withoutProviderCode()).thenReturn(List.of("queue.called (zh)"));
		SmsGateway keyless = new SmsCourierTests.FakeGateway() {
			@Override
			public List<String> problems() {
				return List.of("fake access key missing");
			}
		};

		assertThat(setup("aliyn", keyless).problems()).containsExactly("unknown SMS provider 'aliyn' (known: fake)",
				"1 SMS templates have no provider template code: queue.called (zh)");
		assertThat(setup("fake", keyless).problems()).containsExactly("fake access key missing",
				"1 SMS templates have no provider template code: queue.called (zh)");
		assertThat(setup("fake", keyless).health().getStatus()).isEqualTo(SmsSetup.MISCONFIGURED);
	}

	@Test
	void noProviderOrAProviderSetUpWellIsUp() {
		when(queries.withoutProviderCode()).thenReturn(List.of("queue.called (zh)"));
		assertThat(setup("", new SmsCourierTests.FakeGateway()).problems()).isEmpty();
		when(queries.withoutProviderCode()).thenReturn(List.of());
		assertThat(setup("fake", new SmsCourierTests.FakeGateway()).health().getStatus().getCode()).isEqualTo("UP");
	}

}
