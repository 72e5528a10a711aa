package org.onestop.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.onestop.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Texts through the SMS gateway named by {@code onestop.notification.sms.provider}; with
 * none named (the demo), texts are kept for the outbox viewer.
 */
@Component
class SmsCourier implements Courier {

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
		if (parcel.abandoned() && parcel.previousAttemptAt() != null) {
			// The last dispatcher died mid-send: the provider may have the text already.
			LocalDate day = LocalDate.ofInstant(parcel.previousAttemptAt(), city);
			Optional<SmsGateway.Result> earlier = sms.find(key, parcel.address(), day);
			if (earlier.isPresent()) {
				return outcome(sms.provider(), earlier.get());
			}
		}
		Instant now = clock.instant();
		Kind kind = templates.kind(parcel.template())
			.orElse(new Kind(parcel.template(), List.of(), Topic.STAFF_WORK, false));
		Instant notBefore = rules.notBefore(now, kind);
		if (notBefore.isAfter(now)) {
			return Outcome.postponed(notBefore);
		}
		SmsGateway.Result result = sms.send(new SmsGateway.Sms(key, parcel.address(), signature,
				parcel.providerTemplateCode(), parcel.parameters(), parcel.body()));
		return outcome(sms.provider(), result);
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
