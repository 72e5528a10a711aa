package org.onestop.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Flash-crowd booking benchmark (issue 5) against a running OneStop and its database. Sets up 500 places on
 * one day at HALL-CITY (group of PS-ID-001, counters added through the capacity API), logs the load-test
 * citizens in, then lets the same list of random (citizen, slot) attempts loose twice per round, 64 workers
 * each time: once through {@code POST /api/v1/appointments}, once as the same statement sequence over plain
 * JDBC, and (issue 18) once through the like-for-like reference application's {@code POST /appointments}
 * when {@code REFERENCE_URL} names it. After each phase it checks the database for overbooking and double booking, then frees the places.
 * <p>
 * Usage: {@code FlashCrowd <base-url> <jdbc-url> [citizens=2000] [attempts=20000] [places=500] [threads=64]
 * [rounds=2] [warm-up attempts=5000] [reference connections=20, OneStop's default pool size]}
 */
public final class FlashCrowd {

	static final String HALL = "HALL-CITY";
	static final String SERVICE = "PS-ID-001";
	static final String PASSWORD = "demo12345";

	private FlashCrowd() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		CrowdDatabase db = new CrowdDatabase(args[1]);
		int citizens = arg(args, 2, 2000);
		int attempts = arg(args, 3, 20_000);
		int places = arg(args, 4, 500);
		int threads = arg(args, 5, 64);
		int rounds = arg(args, 6, 2);
		int warmup = arg(args, 7, 5000);
		int connections = arg(args, 8, 20);
		ExecutorService clientPool = CrowdHttp.fixedPool(threads);
		CrowdHttp http = new CrowdHttp(base, clientPool);

		String admin = http.login("admin", PASSWORD);
		http.demoCitizens(admin, citizens);
		List<CrowdDatabase.Citizen> people = db.citizens(citizens);
		long t0 = System.nanoTime();
		// Not on the client's own pool: a blocking send needs that pool's threads to complete.
		ExecutorService logins = CrowdHttp.fixedPool(threads);
		String[] tokens = http.loginAll(people.stream().map(CrowdDatabase.Citizen::username).toList(), PASSWORD, logins);
		logins.shutdown();
		System.out.printf("logged in %d citizens in %.1f s (not counted)%n", tokens.length, (System.nanoTime() - t0) / 1e9);

		CrowdDatabase.Settings settings = db.settings(HALL, SERVICE);
		Release release = release(http, admin, settings, places);
		System.out.printf("release: %s group %s on %s, %d slots × %d online places (counters %.1f%+d), slot ids %d…%d%n",
				HALL, settings.group(), release.day, release.slotIds.length, places / release.slotIds.length,
				settings.counters(), release.delta, release.slotIds[0], release.slotIds[release.slotIds.length - 1]);

		Random random = new Random(20261129L);
		int[] who = random.ints(attempts, 0, citizens).toArray();
		int[] where = random.ints(attempts, 0, release.slotIds.length).toArray();
		Phase onestop = n -> Crowd.run("OneStop HTTP", threads, slice(who, n), slice(where, n),
				t -> new CrowdSocket(base, tokens, release.slotIds, SERVICE));
		var sessions = db.sessions(connections);
		Crowd.Attempt direct = CrowdDatabase.reference(sessions, people, release.slotIds, HALL, settings.group(), SERVICE,
				release.day, settings.dailyLimit());
		Phase reference = n -> Crowd.run("plain JDBC", threads, slice(who, n), slice(where, n), t -> direct);
		Phase floor = n -> Crowd.run("HTTP floor (GET /api/v1/me)", threads, slice(who, n), slice(where, n),
				t -> new CrowdSocket(base, tokens, release.slotIds, SERVICE, true));

		// The like-for-like reference of issue 18: the plain Spring Boot application's POST /appointments, over the
		// same sockets with the same attempts, when the script started it (REFERENCE_URL).
		String referenceBase = System.getenv("REFERENCE_URL");
		Phase referenceHttp = referenceBase == null ? null
				: n -> Crowd.run("reference HTTP (plain Spring MVC + JdbcTemplate)", threads, slice(who, n), slice(where, n),
						t -> CrowdSocket.reference(referenceBase, people, release.slotIds, SERVICE));

		System.out.printf("warm-up: %d attempts each, then reset%n", warmup);
		List<Phase> measured = new ArrayList<>(List.of(onestop, reference));
		if (referenceHttp != null) {
			measured.add(1, referenceHttp);
		}
		List<Phase> warm = new ArrayList<>(measured);
		warm.add(floor);
		for (Phase phase : warm) {
			report(phase.run(warmup), db.check(release.slotIds, release.day));
			db.reset(release.slotIds, release.day);
		}
		List<String> rows = new ArrayList<>();
		List<String> ratios = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			// Rotate the order, so that no side always runs on a database just vacuumed or just warmed.
			List<Phase> order = new ArrayList<>(measured);
			java.util.Collections.rotate(order, round - 1);
			Map<Phase, Double> rate = new HashMap<>();
			for (Phase phase : order) {
				Crowd.Result result = phase.run(attempts);
				CrowdDatabase.Check check = db.check(release.slotIds, release.day);
				rows.add(report(result, check).replaceFirst("\\| ", "| " + round + " | "));
				rate.put(phase, result.perSecond());
				if (!check.exact() || check.placesBooked() != places) {
					System.out.println("NOT EXACT: " + check);
				}
				db.reset(release.slotIds, release.day);
			}
			// Not part of the target: how much of the gap any endpoint pays on this machine.
			Crowd.Result idle = floor.run(attempts);
			rows.add(report(idle, db.check(release.slotIds, release.day)).replaceFirst("\\| ", "| " + round + " | "));
			String line = "round %d: OneStop / plain JDBC = %.2f, OneStop / HTTP floor = %.2f".formatted(round,
					rate.get(onestop) / rate.get(reference), rate.get(onestop) / idle.perSecond());
			if (referenceHttp != null) {
				line = "round %d: OneStop / reference HTTP = %.2f (target 0.7); reference HTTP / plain JDBC = %.2f; ".formatted(
						round, rate.get(onestop) / rate.get(referenceHttp), rate.get(referenceHttp) / rate.get(reference))
						+ line.substring(line.indexOf(':') + 2);
			}
			ratios.add(line);
		}
		System.out.println();
		System.out.println("| round | what | attempts/s | p50 (ms) | p99 (ms) | 201 | 409 duplicate | 409 full | other "
				+ "| places booked | overbooked | double bookings | seconds | CPU ms/attempt: OneStop / reference / PostgreSQL / generator |");
		System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		rows.forEach(System.out::println);
		System.out.println();
		ratios.forEach(System.out::println);
		for (CrowdDatabase.Session session : sessions) {
			session.close();
		}
		clientPool.shutdownNow();
	}

	interface Phase {
		Crowd.Result run(int attempts) throws Exception;
	}

	record Release(LocalDate day, long[] slotIds, int delta) {
	}

	/**
	 * The first bookable day from tomorrow, and k of its slots whose online places add up to {@code places}:
	 * counters are added for the day until one slot holds places / k online (k = 10 when that works).
	 */
	static Release release(CrowdHttp http, String admin, CrowdDatabase.Settings settings, int places) throws Exception {
		for (LocalDate day = LocalDate.now().plusDays(1); day.isBefore(LocalDate.now().plusDays(9)); day = day.plusDays(1)) {
			List<CrowdHttp.SlotView> slots = http.slots(HALL, SERVICE, day);
			for (int k : new int[] { 10, 20, 5, 25, 4, 50, 2, 100, 1 }) {
				if (places % k != 0 || slots.size() < k) {
					continue;
				}
				for (int delta = 0; delta <= 1000; delta++) {
					if (settings.online(settings.counters() + delta) == places / k) {
						http.addCounters(admin, HALL, settings.group(), day, delta);
						List<CrowdHttp.SlotView> released = http.slots(HALL, SERVICE, day).subList(0, k);
						if (released.stream().mapToInt(CrowdHttp.SlotView::remaining).sum() != places) {
							throw new IllegalStateException("released " + released + ", not " + places + " places");
						}
						return new Release(day, released.stream().mapToLong(CrowdHttp.SlotView::id).toArray(), delta);
					}
				}
			}
		}
		throw new IllegalStateException("no bookable day at " + HALL + " in the next eight days");
	}

	static String report(Crowd.Result r, CrowdDatabase.Check check) {
		System.out.printf("%s: %d attempts in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, outcomes %s; %s%n", r.name(),
				r.attempts(), r.seconds(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.outcomes(),
				check);
		System.out.printf("  CPU ms per attempt, OneStop / reference / PostgreSQL / generator: %s%n", r.cpuPerAttempt());
		int overbooked = Math.max(check.overbookedByCount(), check.overbookedByRows());
		return "| %s | %.0f | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %d | %.2f | %s |".formatted(r.name(), r.perSecond(),
				r.percentileMillis(50), r.percentileMillis(99), r.count("201"), r.count("409 duplicate"),
				r.count("409 full"), r.others(), check.placesBooked(), overbooked, check.doubleBookings(), r.seconds(),
				r.cpuPerAttempt());
	}

	private static int[] slice(int[] all, int n) {
		return java.util.Arrays.copyOf(all, Math.min(n, all.length));
	}

	private static int arg(String[] args, int index, int fallback) {
		return args.length > index ? Integer.parseInt(args[index]) : fallback;
	}
}
