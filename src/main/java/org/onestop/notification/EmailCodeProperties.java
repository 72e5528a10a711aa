package org.onestop.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Codes proving an e-mail address, under {@code onestop.notification.email-code.*}.
 *
 * @param lifetime how long a code is valid
 * @param tries wrong entries a code survives
 * @param perDay codes one account may be sent in a city day
 */
@ConfigurationProperties("onestop.notification.email-code")
record EmailCodeProperties(@DefaultValue("PT10M") Duration lifetime, @DefaultValue("5") int tries,
		@DefaultValue("5") int perDay) {
}
