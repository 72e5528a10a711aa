package org.onestop.notification;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Masked addresses, codes hidden in production, and the filter's refusals. */
class OutboxViewerTests {

	@Test
	void addressesAreMasked() {
		assertThat(OutboxViewer.mask("13800000000")).isEqualTo("138****0000");
		assertThat(OutboxViewer.mask("wang.fang@example.com")).isEqualTo("w***@example.com");
		assertThat(OutboxViewer.mask("123")).isEqualTo("****");
		assertThat(OutboxViewer.mask(null)).isNull();
	}

	@Test
	void oneTimeCodesAreShownOnlyOutsideProduction() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("prod");
		assertThat(new OutboxViewer(null, null, production).showsSensitive()).isFalse();
		assertThat(new OutboxViewer(null, null, new MockEnvironment()).showsSensitive()).isTrue();
	}

	@Test
	void theFilterTakesOnlyKnownStatuses() {
		assertThat(OutboxViewer.Filter.parse(" wang.fang ", "DELIVERED"))
			.isEqualTo(new OutboxViewer.Filter("wang.fang", DeliveryStatus.DELIVERED));
		assertThat(OutboxViewer.Filter.parse("", "")).isEqualTo(new OutboxViewer.Filter(null, null));
		assertThatThrownBy(() -> OutboxViewer.Filter.parse(null, "delivered")).hasMessageContaining("validation");
		assertThatThrownBy(() -> OutboxViewer.Filter.parse("x".repeat(255), null)).isNotNull();
	}

}
