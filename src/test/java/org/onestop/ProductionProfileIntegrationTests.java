package org.onestop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile: an external database is required, no demo data is loaded, and
 * the first administrator comes from {@code ONESTOP_ADMIN_PASSWORD}. Runs against a
 * PostgreSQL of its own so that it never touches the shared test database.
 */
class ProductionProfileIntegrationTests {

	private static EmbeddedPostgres postgres;

	private static Path dir;

	@BeforeAll
	static void startDatabase() throws IOException {
		dir = Files.createTempDirectory("onestop-prod-test");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pg"))
			.setCleanDataDirectory(true)
			.setOverrideWorkingDirectory(
					Path.of(System.getenv().getOrDefault("ONESTOP_DATA_DIR", "target/test-data"), "pg-bin")
						.toAbsolutePath()
						.toFile())
			.start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		postgres.close();
		org.springframework.util.FileSystemUtils.deleteRecursively(dir);
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(OneStopApplication.class).profiles("prod").run(args);
	}

	/**
	 * The audit key production requires, and a checkpoint file of this test's own (its
	 * chains are its own).
	 */
	private static String[] withAuditKey(String... args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--onestop.audit.key=production-test-key-0123456789abcdef";
		all[args.length + 1] = "--onestop.audit.checkpoint-file="
				+ dir.resolve("checkpoints-" + System.nanoTime() + ".log");
		return all;
	}

	/** A database of its own for each test, so that their order does not matter. */
	private static String freshDatabase(String name) {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
		return postgres.getJdbcUrl("postgres", name);
	}

	private static void startAndClose(String... args) {
		start(args).close();
	}

	@Test
	void refusesToStartWithoutAnExternalDatabase() {
		assertThatThrownBy(() -> startAndClose("--server.port=0", "--onestop.db.url="))
			.hasStackTraceContaining("ONESTOP_DB_URL");
	}

	@Test
	void refusesToStartWithoutAnAuditKey() {
		String url = freshDatabase("no_audit_key");
		assertThatThrownBy(() -> startAndClose("--server.port=0", "--onestop.db.url=" + url,
				"--ONESTOP_ADMIN_PASSWORD=correct-horse-battery", "--onestop.audit.key="))
			.hasStackTraceContaining("ONESTOP_AUDIT_KEY");
	}

	@Test
	void refusesToStartWithoutAWayToCreateTheFirstAdministrator() {
		String url = freshDatabase("no_admin");
		assertThatThrownBy(() -> startAndClose(
				withAuditKey("--server.port=0", "--onestop.db.url=" + url, "--ONESTOP_ADMIN_PASSWORD=")))
			.hasStackTraceContaining("ONESTOP_ADMIN_PASSWORD");
	}

	@Test
	void startsWithoutDemoDataAndWithTheFirstAdministrator() {
		String url = freshDatabase("production");
		String[] first = withAuditKey("--server.port=0", "--onestop.db.url=" + url,
				"--ONESTOP_ADMIN_PASSWORD=correct-horse-battery");
		try (ConfigurableApplicationContext context = start(first)) {
			JdbcClient db = context.getBean(JdbcClient.class);
			assertThat(db.sql("SELECT count(*) FROM registry_resident").query(Integer.class).single()).isZero();
			assertThat(db.sql("SELECT username FROM identity_account").query(String.class).list())
				.containsExactly("admin");
			// The nine departments of applications and the four that complaints reach
			// (UM, EE, WA, DC).
			assertThat(db.sql("SELECT count(*) FROM identity_department").query(Integer.class).single()).isEqualTo(13);
			// Load-test citizens and demo forms exist only outside production.
			assertThat(context.getBeanNamesForType(org.onestop.registry.SyntheticResidents.class)).isEmpty();
			assertThat(context.containsBean("demoCitizens")).isFalse();
			// No demo codes page (its page and API answer 404); codes go through the
			// notification outbox.
			assertThat(context.containsBean("demoCodeOutbox")).isFalse();
			assertThat(context.containsBean("demoCodesController")).isFalse();
			assertThat(context.containsBean("demoCodesApiController")).isFalse();
			assertThat(context.containsBean("outboxCodeSender")).isTrue();
			assertThat(db.sql("SELECT count(*) FROM application_form").query(Integer.class).single()).isZero();
		}
		// A second start finds the administrator and needs no password.
		String[] second = first.clone();
		second[2] = "--ONESTOP_ADMIN_PASSWORD=";
		try (ConfigurableApplicationContext context = start(second)) {
			assertThat(context.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM identity_account")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

}
