package org.onestop.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.flowable.engine.RuntimeService;
import org.onestop.OneStopApplication;
import org.onestop.identity.OneStopUser;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In-process submissions against bare Flowable, on the embedded PostgreSQL the application starts (web
 * server idle on a random port, since Spring Session needs it; fresh data folder). At each concurrency level: {@code RuntimeService.startProcessInstanceByKey}
 * for matter-application with the variables {@link Submissions} sets (up to the review task), then
 * {@link Submissions#submit} for wang.fang and CA-ELD-001 (the same process, plus everything around it).
 * Then restarts with pg_stat_statements loaded and counts the statements and rows of one operation of each.
 * RuntimeService is used directly on purpose, outside the workflow module: this is the baseline.
 * <p>
 * Usage: {@code InProcessSubmissions [levels, e.g. 1,4,16] [warm-up s] [measure s]}
 */
public final class InProcessSubmissions {

	static final OneStopUser WANG_FANG = new OneStopUser("wang.fang", "王芳", false, "110108195404123061", null, Set.of());

	private InProcessSubmissions() {
	}

	public static void main(String[] args) throws Exception {
		String levels = args.length > 0 ? args[0] : "1,4,16";
		double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 10;
		double measure = args.length > 2 ? Double.parseDouble(args[2]) : 20;
		Path data = Files.createTempDirectory("onestop-bench");
		List<ClosedLoop.Result> results = new ArrayList<>();
		try (ConfigurableApplicationContext context = start(data)) {
			ClosedLoop.Operation bare = bareFlowable(context);
			ClosedLoop.Operation submit = submission(context);
			for (String level : levels.split(",")) {
				int threads = Integer.parseInt(level.strip());
				results.add(print(ClosedLoop.run("bare Flowable start", threads, warmup, measure, bare)));
				results.add(print(ClosedLoop.run("Submissions.submit", threads, warmup, measure, submit)));
			}
			System.out.println();
			System.out.println(ClosedLoop.HEADER);
			results.forEach(r -> System.out.println(r.row()));
		}
		// pg_stat_statements must be preloaded, so count on a restart of the same data folder.
		Files.writeString(data.resolve("pg/postgresql.auto.conf"), "\nshared_preload_libraries = 'pg_stat_statements'\n",
				StandardOpenOption.APPEND);
		try (ConfigurableApplicationContext context = start(data)) {
			JdbcClient db = context.getBean(JdbcClient.class);
			db.sql("create extension if not exists pg_stat_statements").update();
			count(db, "bare Flowable start", bareFlowable(context));
			count(db, "Submissions.submit", submission(context));
		}
	}

	static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(OneStopApplication.class)
			// Without the figures' demo history: it writes for minutes after the start, inside
			// the measurement.
			.run("--onestop.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
					"--onestop.demo.history.enabled=false");
	}

	static ClosedLoop.Operation bareFlowable(ConfigurableApplicationContext context) {
		RuntimeService runtime = context.getBean(RuntimeService.class);
		return () -> {
			String caseId = UUID.randomUUID().toString();
			Instant due = Instant.now().plus(20, ChronoUnit.DAYS);
			Map<String, Object> variables = new HashMap<>();
			variables.put("dueAt", Date.from(due));
			variables.put("warnAt", Date.from(due.minus(1, ChronoUnit.DAYS)));
			variables.put("department", "CA");
			variables.put("autoAccept", true);
			variables.put("returnTo", "review");
			variables.put("supplementNeedsApproval", false);
			variables.put("secondRejection", false);
			variables.put("caseId", caseId);
			runtime.startProcessInstanceByKey("matter-application", caseId, variables);
		};
	}

	static ClosedLoop.Operation submission(ConfigurableApplicationContext context) {
		Submissions submissions = context.getBean(Submissions.class);
		ApplicationForm form = new ApplicationForm("CA-ELD-001", Map.of(), List.of(), null, null);
		return () -> {
			Submissions.Submitted submitted = submissions.submit(WANG_FANG, UUID.randomUUID().toString(), form);
			if (submitted.application().status() != Application.Status.IN_REVIEW) {
				throw new IllegalStateException("not auto-accepted: " + submitted.application().status());
			}
		};
	}

	private static ClosedLoop.Result print(ClosedLoop.Result result) {
		System.out.println(result.row());
		return result;
	}

	/** Runs the operation 200 times on one thread and prints statements and rows per operation. */
	static void count(JdbcClient db, String name, ClosedLoop.Operation operation) throws Exception {
		int n = 200;
		for (int i = 0; i < 20; i++) {
			operation.run();
		}
		db.sql("select pg_stat_statements_reset()").query().singleValue();
		long began = System.nanoTime();
		for (int i = 0; i < n; i++) {
			operation.run();
		}
		double wallMillis = (System.nanoTime() - began) / 1e6 / n;
		String own = "query not like '%pg_stat_statements%'";
		Map<String, Object> totals = db.sql("select sum(calls) as calls, sum(rows) as rows, sum(total_exec_time) as ms "
				+ "from pg_stat_statements where " + own).query().singleRow();
		System.out.printf("%n%s, per operation: %.1f statements, %.1f rows, %.2f ms executing in PostgreSQL, %.2f ms wall%n",
				name, num(totals.get("calls")) / n, num(totals.get("rows")) / n, num(totals.get("ms")) / n, wallMillis);
		db.sql("select lower(split_part(ltrim(query), ' ', 1)) as kind, sum(calls) as calls, sum(rows) as rows "
				+ "from pg_stat_statements where " + own + " group by 1 order by 2 desc")
			.query((rs, i) -> "  %-8s %6.2f statements %6.2f rows".formatted(rs.getString(1), rs.getDouble(2) / n,
					rs.getDouble(3) / n))
			.list().forEach(System.out::println);
		System.out.println("  top statements by calls (calls per operation, ms per operation, query):");
		db.sql("select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements where "
				+ own + " order by calls desc, total_exec_time desc limit 60")
			.query((rs, i) -> "  %5.2f %6.3f %s".formatted(rs.getDouble(1) / n, rs.getDouble(2) / n,
					abbreviate(rs.getString(3))))
			.list().forEach(System.out::println);
	}

	private static double num(Object value) {
		return value == null ? 0 : ((Number) value).doubleValue();
	}

	private static String abbreviate(String query) {
		return query.length() > 160 ? query.substring(0, 160) + "…" : query;
	}
}
