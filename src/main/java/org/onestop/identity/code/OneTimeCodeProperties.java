package org.onestop.identity.code;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time code settings under {@code onestop.identity.one-time-codes.*}.
 *
 * @param lifetime how long a code may be used
 * @param attempts wrong tries before a code is void
 * @param perSubjectPerHour codes one ID number (or username) may be sent in an hour, so
 * that nobody can flood a resident's phone
 * @param perSubjectPerDay codes one ID number (or username) may be sent in a day
 * @param triesPerSubjectAndAddressPerDay tries at one ID number's (or username's) codes
 * from one client address in a day, right or wrong (the guesses at one subject from all
 * addresses are bounded by {@code perSubjectPerDay} times {@code attempts})
 * @param perAddressPerHour unlock codes one client address may ask for in an hour
 * (registration codes keep {@code onestop.identity.registrations-per-hour})
 * @param triesPerAddressPerHour tries at any code (registration and unlock) from one
 * client address in an hour
 */
@ConfigurationProperties("onestop.identity.one-time-codes")
record OneTimeCodeProperties(@DefaultValue("10m") Duration lifetime, @DefaultValue("5") int attempts,
		@DefaultValue("5") int perSubjectPerHour, @DefaultValue("10") int perSubjectPerDay,
		@DefaultValue("20") int triesPerSubjectAndAddressPerDay, @DefaultValue("10") int perAddressPerHour,
		@DefaultValue("30") int triesPerAddressPerHour) {
}
