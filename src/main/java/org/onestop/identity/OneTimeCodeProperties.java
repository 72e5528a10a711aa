package org.onestop.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time code settings under {@code onestop.identity.one-time-codes.*}.
 *
 * @param lifetime how long a code may be used
 * @param attempts wrong tries before a code is void
 * @param perSubjectPerHour codes one ID number (or username) may be sent in an hour, so that nobody can flood a
 *        resident's phone; with {@code attempts} this also bounds guesses to attempts × perSubjectPerHour an hour
 * @param perAddressPerHour unlock codes one client address may ask for in an hour (registration codes keep
 *        {@code onestop.identity.registrations-per-hour})
 */
@ConfigurationProperties("onestop.identity.one-time-codes")
record OneTimeCodeProperties(@DefaultValue("10m") Duration lifetime, @DefaultValue("5") int attempts,
		@DefaultValue("5") int perSubjectPerHour, @DefaultValue("10") int perAddressPerHour) {
}
