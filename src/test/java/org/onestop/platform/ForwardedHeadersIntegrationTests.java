package org.onestop.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-Forwarded-* headers are believed only from the configured proxies: by default from
 * nobody, so a client cannot pose as another address (and reset its per-address limits)
 * or steer redirects to another host.
 */
@IntegrationTest
class ForwardedHeadersIntegrationTests {

	private static final String SPOOFED = "203.0.113.9";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aClientsForwardedForIsIgnoredSoTheRegistrationLimitCountsItsRealAddress() throws Exception {
		int before = attemptsFrom("127.0.0.1");
		http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/citizens"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", SPOOFED)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(attemptsFrom(SPOOFED)).isZero();
		assertThat(attemptsFrom("127.0.0.1")).isEqualTo(before + 1);
	}

	@Test
	void aClientsForwardedHostAndProtocolDoNotSteerRedirects() throws Exception {
		HttpResponse<Void> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/account"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "evil.example")
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("evil.example").isEqualTo("/sign-in"));
	}

	@Test
	void aConfiguredProxyIsBelieved() throws Exception {
		assertThat(remoteAddrSeenBehind(Map.of("ONESTOP_TRUSTED_PROXIES", "127\\.0\\.0\\.1|10\\.0\\.0\\.5")))
			.isEqualTo(SPOOFED);
		assertThat(remoteAddrSeenBehind(Map.of())).isEqualTo("127.0.0.1");
	}

	/**
	 * Builds Tomcat's valve from application.properties as Spring Boot does, and sends
	 * one request through it.
	 */
	private static String remoteAddrSeenBehind(Map<String, Object> environmentVariables)
			throws IOException, ServletException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new ResourcePropertySource(new ClassPathResource("application.properties")));
		environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
		ServerProperties server = Binder.get(environment).bind("server", ServerProperties.class).get();
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new TomcatWebServerFactoryCustomizer(environment, server).customize(factory);
		RemoteIpValve valve = (RemoteIpValve) factory.getEngineValves()
			.stream()
			.filter(RemoteIpValve.class::isInstance)
			.findFirst()
			.orElseThrow();

		Request request = new Request(new Connector());
		request.setCoyoteRequest(new org.apache.coyote.Request());
		request.setRemoteAddr("127.0.0.1");
		request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(SPOOFED);
		String[] seen = new String[1];
		Valve next = new ValveBase() {
			@Override
			public void invoke(Request r, Response response) {
				seen[0] = r.getRemoteAddr();
			}
		};
		valve.setNext(next);
		valve.invoke(request, new Response());
		return seen[0];
	}

	private int attemptsFrom(String client) {
		return db.sql("SELECT coalesce(sum(attempts), 0) FROM identity_registration_attempt WHERE client = :client")
			.param("client", client)
			.query(Integer.class)
			.single();
	}

}
