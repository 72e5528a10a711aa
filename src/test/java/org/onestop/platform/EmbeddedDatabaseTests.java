package org.onestop.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded database keeps its data across restarts, crashes included; production
 * refuses it.
 */
class EmbeddedDatabaseTests {

	@Test
	void dataSurvivesARestart() throws Exception {
		Path dataDir = Files.createTempDirectory("onestop-restart");
		try (HikariDataSource first = start(dataDir)) {
			JdbcClient.create(first).sql("CREATE TABLE kept (v TEXT)").update();
			JdbcClient.create(first).sql("INSERT INTO kept VALUES ('still here')").update();
		}
		try (HikariDataSource second = start(dataDir)) {
			assertThat(JdbcClient.create(second).sql("SELECT v FROM kept").query(String.class).single())
				.isEqualTo("still here");
		}
		assertThat(dataDir.resolve("pg/PG_VERSION")).hasContent("17");
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void syncsEveryCommitToDiskByDefault() throws Exception {
		Path dataDir = Files.createTempDirectory("onestop-durable");
		try (HikariDataSource db = start(dataDir)) {
			JdbcClient sql = JdbcClient.create(db);
			assertThat(sql.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
			assertThat(sql.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(sql.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
		}
		FileSystemUtils.deleteRecursively(dataDir);
	}

	/**
	 * kill -9 of the application leaves its PostgreSQL running on the data folder: the
	 * next start stops that server cleanly and finds every committed row.
	 */
	@Test
	void startsAgainAfterTheApplicationWasKilled() throws Exception {
		Path dataDir = Files.createTempDirectory("onestop-killed");
		Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledApplication.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals(KilledApplication.READY)) {
				// the child's log, until it has committed its row
			}
			assertThat(line).as("the child application committed its row").isEqualTo(KilledApplication.READY);
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed JVM")
			.contains(true);

		try (HikariDataSource again = start(dataDir)) {
			assertThat(JdbcClient.create(again).sql("SELECT v FROM kept").query(String.class).single())
				.isEqualTo("committed before kill -9");
		}
		finally {
			// should this test fail, leave no server behind
			ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
		}
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the leftover server was stopped")
			.isEmpty();
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void productionRefusesTheEmbeddedDatabase() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		PlatformProperties properties = new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db("", "postgres", null), 65536, URI.create("http://localhost:8080"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new DatabaseConfiguration().dataSource(properties, DatabaseSettings.defaults(), prod))
			.withMessageContaining("ONESTOP_DB_URL");
	}

	static HikariDataSource start(Path dataDir) {
		PlatformProperties properties = new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080"));
		return new DatabaseConfiguration().dataSource(properties, DatabaseSettings.defaults(), new MockEnvironment());
	}

	/** Run in a JVM of its own, which the test then kills as kill -9 would. */
	static final class KilledApplication {

		static final String READY = "committed";

		public static void main(String[] args) throws Exception {
			HikariDataSource db = start(Path.of(args[0]));
			JdbcClient.create(db).sql("CREATE TABLE kept (v TEXT)").update();
			JdbcClient.create(db).sql("INSERT INTO kept VALUES ('committed before kill -9')").update();
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
