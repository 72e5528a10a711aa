package org.onestop.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Texts through the SMS gateway named by {@code onestop.notification.sms.provider}; with
 * none named (the demo), texts are kept for the outbox viewer.
 */
@Component
class SmsCourier implements Courier {

	/**
	 * How far from midnight an attempt's noted time may be from when the provider took it
	 * (a send's timeouts, a lease), and so when the other day is asked too.
	 */
	static final Duration MIDNIGHT_MARGIN = Duration.ofMinutes(30);

	private final Optional<SmsGateway> gateway;

	private final String signature;

	private final SmsRules rules;

	private final Templates templates;

	private final Clock clock;

	private final ZoneId city;

	SmsCourier(List<SmsGateway> gateways, NotificationProperties properties, SmsRules rules, Templates templates,
			Clock clock, PlatformProperties platform) {
		String provider = properties.sms().provider();
		this.gateway = gateways.stream().filter(g -> !provider.isBlank() && g.provider().equals(provider)).findFirst();
		this.signature = properties.sms().signature();
		this.rules = rules;
		this.templates = templates;
		this.clock = clock;
		this.city = platform.timeZone();
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean configured() {
		return gateway.isPresent();
	}

	@Override
	public Outcome deliver(Parcel parcel) {
		SmsGateway sms = gateway.orElseThrow();
		String key = parcel.id().toString();
		Instant now = clock.instant();
		Kind kind = templates.kind(parcel.template())
			.orElse(new Kind(parcel.template(), List.of(), Topic.STAFF_WORK, false));
		Instant notBefore = rules.notBefore(now, kind);
		if (notBefore.isAfter(now)) {
			return Outcome.postponed(notBefore);
		}
		if (parcel.attempts() > 1) {
			// Tried before, whatever came of it (a timeout, a lost answer, a dispatcher
			// that died): the provider may have the text already and does not
			// deduplicate, so it is asked first, and nothing is sent while it cannot say.
			Instant before = parcel.previousAttemptAt() != null ? parcel.previousAttemptAt() : now;
			SmsGateway.Lookup earlier = lookUp(sms, key, parcel.address(), before);
			if (earlier.known() != SmsGateway.Known.NOT_FOUND) {
				return outcome(sms.provider(), earlier.result());
			}
		}
		SmsGateway.Result result = sms.send(new SmsGateway.Sms(key, parcel.address(), signature,
				parcel.providerTemplateCode(), parcel.parameters(), parcel.body()));
		return outcome(sms.provider(), result);
	}

	/**
	 * What the configured provider knows of a text tried around then; for rows of a
	 * provider no longer configured, unknown.
	 */
	SmsGateway.Lookup lookUp(String provider, String key, String phone, Instant triedAt) {
		return gateway.filter(g -> g.provider().equals(provider))
			.map(g -> lookUp(g, key, phone, triedAt))
			.orElse(SmsGateway.Lookup.unknown("SMS provider " + provider + " is not configured"));
	}

	/**
	 * Asks on the city day of the attempt, and near midnight on the day beside it too:
	 * the provider files a text by when it took it, which may fall either side of the
	 * time we noted.
	 */
	private SmsGateway.Lookup lookUp(SmsGateway sms, String key, String phone, Instant triedAt) {
		Set<LocalDate> days = new TreeSet<>();
		days.add(LocalDate.ofInstant(triedAt.minus(MIDNIGHT_MARGIN), city));
		days.add(LocalDate.ofInstant(triedAt, city));
		days.add(LocalDate.ofInstant(triedAt.plus(MIDNIGHT_MARGIN), city));
		SmsGateway.Lookup answer = SmsGateway.Lookup.notFound();
		for (LocalDate day : days) {
			SmsGateway.Lookup lookup = sms.find(key, phone, day);
			if (lookup.known() == SmsGateway.Known.FOUND) {
				return lookup;
			}
			if (lookup.known() == SmsGateway.Known.UNKNOWN) {
				answer = lookup;
			}
		}
		return answer;
	}

	private static Outcome outcome(String provider, SmsGateway.Result result) {
		return switch (result.outcome()) {
			case ACCEPTED -> Outcome.accepted(provider, result.providerRef());
			case DELIVERED -> Outcome.delivered(provider, result.providerRef());
			case TEMPORARY_FAILURE -> Outcome.failed(Result.TEMPORARY_FAILURE, result.detail());
			case PERMANENT_FAILURE -> Outcome.failed(Result.PERMANENT_FAILURE, result.detail());
			case TECHNICAL_FAILURE -> Outcome.failed(Result.TECHNICAL_FAILURE, result.detail());
		};
	}

}
