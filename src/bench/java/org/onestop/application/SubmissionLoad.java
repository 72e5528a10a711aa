package org.onestop.application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load generator for {@code POST /api/v1/applications} against a running OneStop: logs the citizen in
 * once, then submits CA-ELD-001 with a fresh Idempotency-Key per request at each concurrency level, and
 * prints one Markdown table row per level. Only the JDK is needed, so it runs beside the jar.
 * <p>
 * Usage: {@code SubmissionLoad <base-url> [username] [password] [levels, e.g. 1,4,16] [warm-up s] [measure s]}
 */
public final class SubmissionLoad {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private SubmissionLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:18080";
		String username = args.length > 1 ? args[1] : "wang.fang";
		String password = args.length > 2 ? args[2] : "demo12345";
		String levels = args.length > 3 ? args[3] : "1,4,16";
		double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 10;
		double measure = args.length > 5 ? Double.parseDouble(args[5]) : 20;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		String token = login(http, base, username, password);
		URI submit = URI.create(base + "/api/v1/applications");
		String body = "{\"serviceCode\":\"CA-ELD-001\",\"fields\":{}}";
		ClosedLoop.Operation operation = () -> {
			HttpRequest request = HttpRequest.newBuilder(submit).timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			// IN_REVIEW: the pre-check passed and the case went straight to its review task.
			if (response.statusCode() != 201 || !response.body().contains("\"status\":\"IN_REVIEW\"")) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
		};
		List<ClosedLoop.Result> results = new ArrayList<>();
		for (String level : levels.split(",")) {
			ClosedLoop.Result result = ClosedLoop.run("HTTP POST /api/v1/applications", Integer.parseInt(level.strip()),
					warmup, measure, operation);
			System.out.println(result.row());
			results.add(result);
		}
		System.out.println();
		System.out.println(ClosedLoop.HEADER);
		results.forEach(r -> System.out.println(r.row()));
	}

	static String login(HttpClient http, String base, String username, String password) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return token.group(1);
	}
}
