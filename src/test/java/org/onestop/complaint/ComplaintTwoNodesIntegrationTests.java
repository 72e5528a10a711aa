package org.onestop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.OneStopApplication;
import org.onestop.TestClock;
import org.onestop.TestClockConfiguration;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two OneStop nodes on one database: dispatchers on both race to dispatch the same
 * complaint, and it is dispatched once, to one lead department.
 */
@IntegrationTest
class ComplaintTwoNodesIntegrationTests {

	private static final OneStopUser DISPATCHER = new OneStopUser("dispatcher", "何涛", true, null, "DC",
			Set.of(Role.DISPATCHER));

	@Autowired
	Complaints complaints;

	@Autowired
	Dispatch dispatch;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient db;

	@Test
	void twoNodesDispatchAComplaintOnce() throws Exception {
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OneStopApplication.class)
			.profiles("test")
			.initializers(TestClockConfiguration.sharing(clock))
			.run("--onestop.db.url=" + url, "--onestop.db.user=postgres", "--server.port=0")) {
			Dispatch other = second.getBean(Dispatch.class);
			for (int round = 0; round < 3; round++) {
				UUID id = complaints
					.file(null,
							Intake.web("ENV-NOISE-NEIGHBOUR", "两个节点同时派单 " + round, null, null, null, List.of(), null,
									null))
					.id();
				List<Callable<String>> attempts = new ArrayList<>();
				String[] departments = { "PS", "CA", "UM", "HU" };
				for (int i = 0; i < 16; i++) {
					Dispatch node = i % 2 == 0 ? dispatch : other;
					String lead = departments[i % departments.length];
					attempts.add(() -> {
						try {
							node.dispatch(DISPATCHER, id, lead, List.of(), Locale.CHINA);
							return "dispatched";
						}
						catch (ConflictException ex) {
							return "refused";
						}
					});
				}
				ExecutorService pool = Executors.newFixedThreadPool(16);
				List<String> outcomes = new ArrayList<>();
				try {
					for (Future<String> f : pool.invokeAll(attempts)) {
						outcomes.add(f.get());
					}
				}
				finally {
					pool.shutdown();
				}
				assertThat(outcomes).containsOnlyOnce("dispatched").hasSize(16);
				assertThat(
						db.sql("SELECT count(*) FROM complaint_assignment WHERE complaint_id = :id AND kind = 'LEAD'")
							.param("id", id)
							.query(Integer.class)
							.single())
					.isEqualTo(1);
				assertThat(db.sql("SELECT dispatch_count FROM complaint WHERE id = :id")
					.param("id", id)
					.query(Integer.class)
					.single()).isEqualTo(1);
			}
		}
	}

}
