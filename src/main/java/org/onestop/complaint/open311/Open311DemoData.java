package org.onestop.complaint.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's Open311 app, key {@code demo-open311-key}, so that any Open311 client
 * can be tried against the demo at once. Never in production: a key printed in the docs
 * would let anybody post there.
 */
@Component
@Profile("!prod")
@Order(56)
class Open311DemoData implements ApplicationRunner {

	static final String CLIENT = "demo-app";

	static final String KEY = "demo-open311-key";

	private final Open311Clients clients;

	Open311DemoData(Open311Clients clients) {
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		// ON CONFLICT DO NOTHING: a second node, or a restart, finds it there.
		clients.register(CLIENT, "Demo Open311 app", KEY, "system");
	}

}
