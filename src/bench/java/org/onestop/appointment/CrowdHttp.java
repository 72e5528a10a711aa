package org.onestop.appointment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The flash crowd's HTTP side: OneStop's own API, as citizens' apps and the administrator use it. */
final class CrowdHttp {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern SLOT = Pattern.compile("\"id\"\\s*:\\s*(\\d+)[^}]*\"remaining\"\\s*:\\s*(\\d+)");

	record SlotView(long id, int remaining) {
	}

	private final String base;
	private final HttpClient http;

	CrowdHttp(String base, ExecutorService executor) {
		this.base = base;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
			.connectTimeout(Duration.ofSeconds(10)).build();
	}

	String login(String username, String password) throws Exception {
		HttpResponse<String> response = send(post("/api/v1/auth/login",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null));
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " "
					+ response.body());
		}
		return token.group(1);
	}

	/** Logs everyone in at once on the given pool (BCrypt makes each login cost ~100 ms of CPU). */
	String[] loginAll(List<String> usernames, String password, ExecutorService pool) throws Exception {
		List<Future<String>> tokens = new ArrayList<>();
		for (String username : usernames) {
			tokens.add(pool.submit(() -> login(username, password)));
		}
		String[] result = new String[usernames.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = tokens.get(i).get();
		}
		return result;
	}

	void demoCitizens(String adminToken, int count) throws Exception {
		expect(200, send(post("/api/v1/admin/demo/citizens", "{\"count\":" + count + "}", adminToken)));
	}

	List<SlotView> slots(String hall, String serviceCode, LocalDate day) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(
				URI.create(base + "/api/v1/halls/" + hall + "/slots?serviceCode=" + serviceCode + "&date=" + day))
			.GET().build());
		expect(200, response);
		List<SlotView> slots = new ArrayList<>();
		Matcher m = SLOT.matcher(response.body());
		while (m.find()) {
			slots.add(new SlotView(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
		}
		return slots;
	}

	void addCounters(String adminToken, String hall, String group, LocalDate day, int delta) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/halls/" + hall + "/capacity/" + day))
			.header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"group\":\"" + group + "\",\"countersDelta\":" + delta
					+ ",\"reason\":\"flash-crowd benchmark: release 500 places\"}"))
			.build();
		expect(204, send(request));
	}

	static String outcome(int status, String body) {
		if (status != 409) {
			return String.valueOf(status);
		}
		if (body.contains("no online places") || body.contains("网上名额已满")) {
			return "409 full";
		}
		if (body.contains("already have an appointment") || body.contains("您已经预约了这个事项")) {
			return "409 duplicate";
		}
		if (body.contains("At most") || body.contains("同一天最多预约")) {
			return "409 daily limit";
		}
		return "409 other";
	}

	private HttpRequest post(String path, String json, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
		}
	}

	static ExecutorService fixedPool(int threads) {
		return Executors.newFixedThreadPool(threads, r -> {
			Thread thread = new Thread(r, "http-client");
			thread.setDaemon(true);
			return thread;
		});
	}
}
