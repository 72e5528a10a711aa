package org.onestop.notification;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code notification} health check, and errors in the log at startup, naming what
 * keeps texts from going out although a provider is set: a provider name no gateway
 * answers to (texts would stay NOT_CONFIGURED), its missing credentials, SMS templates
 * without the code the provider approved (each such text would fail). Its status is
 * MISCONFIGURED rather than DOWN: the site works without texts, and a DOWN here would
 * take every node out of the load balancer.
 */
@Component("notificationHealthIndicator")
class SmsSetup implements HealthIndicator {

	static final Status MISCONFIGURED = new Status("MISCONFIGURED", "texts cannot go out as configured");

	private static final Logger log = LoggerFactory.getLogger(SmsSetup.class);

	private final String provider;

	private final List<SmsGateway> gateways;

	private final SmsSetupQueries queries;

	SmsSetup(NotificationProperties properties, List<SmsGateway> gateways, SmsSetupQueries queries) {
		this.provider = properties.sms().provider();
		this.gateways = gateways;
		this.queries = queries;
	}

	/** In words for the operator; empty when texts can go out, or no provider is set. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (provider.isBlank()) {
			return problems;
		}
		gateways.stream()
			.filter(g -> g.provider().equals(provider))
			.findFirst()
			.ifPresentOrElse(g -> problems.addAll(g.problems()),
					() -> problems.add("unknown SMS provider '" + provider + "' (known: "
							+ String.join(", ", gateways.stream().map(SmsGateway::provider).sorted().toList()) + ")"));
		List<String> templates = queries.withoutProviderCode();
		if (!templates.isEmpty()) {
			problems.add(templates.size() + " SMS templates have no provider template code: "
					+ String.join(", ", templates));
		}
		return problems;
	}

	@Override
	public Health health() {
		List<String> problems = problems();
		Health.Builder health = problems.isEmpty() ? Health.up() : Health.status(MISCONFIGURED);
		return health.withDetail("smsProvider", provider.isBlank() ? "none" : provider)
			.withDetail("problems", problems)
			.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void tellAtStartup() {
		problems().forEach(problem -> log.error("SMS set up wrongly, texts will not go out: {}", problem));
	}

}
