package org.onestop.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings under {@code onestop.notification.*}; SMTP itself is Spring's
 * {@code spring.mail.*}, fed from {@code ONESTOP_SMTP_*}.
 */
@ConfigurationProperties("onestop.notification")
record NotificationProperties(@DefaultValue Sms sms, @DefaultValue Mail mail, @DefaultValue Dispatch dispatch) {

	/**
	 * @param provider the SMS gateway to use ({@code aliyun}), or blank for none: then
	 * texts are kept for the outbox viewer as NOT_CONFIGURED
	 * @param signature the approved signature, shown in 【】 before every text
	 * @param dailyLimit texts one phone may be sent in a day (one-time codes aside)
	 * @param quietFrom start of quiet hours, city time
	 * @param quietUntil end of quiet hours, city time
	 */
	record Sms(@DefaultValue("") String provider, @DefaultValue("OneStop") String signature,
			@DefaultValue("10") int dailyLimit, @DefaultValue("21:00") LocalTime quietFrom,
			@DefaultValue("08:00") LocalTime quietUntil) {
	}

	/**
	 * @param from the sender address; e-mail is configured when this and
	 * {@code spring.mail.host} are set
	 */
	record Mail(@DefaultValue("") String from) {
	}

	/**
	 * @param batch rows one dispatcher claims at a time
	 * @param lease how long a claim holds before another node may take the row over
	 * @param maxAttempts tries before a temporary failure becomes permanent
	 * @param backoff the wait after the first temporary failure, doubled after each
	 * @param pollInterval how often each node looks for due rows besides being woken
	 * @param senders rows of a batch handed to providers at once on one node: a provider
	 * answers in tens of milliseconds, so one at a time caps a node at a few dozen texts
	 * a second; each sender holds a pooled connection only for its short statements
	 * @param enabled whether this node dispatches on its own (tests turn it off and
	 * dispatch by hand, so that no row changes under them)
	 */
	record Dispatch(@DefaultValue("50") int batch, @DefaultValue("PT2M") Duration lease,
			@DefaultValue("5") int maxAttempts, @DefaultValue("PT30S") Duration backoff,
			@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("true") boolean enabled,
			@DefaultValue("8") int senders) {
	}

}
