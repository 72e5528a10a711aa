package org.onestop.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The embedded database keeps its data across restarts; production refuses it. */
class EmbeddedDatabaseTests {

	@Test
	void dataSurvivesARestart() throws Exception {
		Path dataDir = Files.createTempDirectory("onestop-restart");
		Files.createDirectories(Path.of(System.getenv().getOrDefault("ONESTOP_DATA_DIR", "target/test-data")));
		PlatformProperties properties = new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db(null, "postgres", null), 65536, java.net.URI.create("http://localhost:8080"));
		try (HikariDataSource first = new DatabaseConfiguration().dataSource(properties, new MockEnvironment())) {
			JdbcClient.create(first).sql("CREATE TABLE kept (v TEXT)").update();
			JdbcClient.create(first).sql("INSERT INTO kept VALUES ('still here')").update();
		}
		try (HikariDataSource second = new DatabaseConfiguration().dataSource(properties, new MockEnvironment())) {
			assertThat(JdbcClient.create(second).sql("SELECT v FROM kept").query(String.class).single())
				.isEqualTo("still here");
		}
		assertThat(dataDir.resolve("pg/PG_VERSION")).hasContent("17");
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void productionRefusesTheEmbeddedDatabase() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		PlatformProperties properties = new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db("", "postgres", null), 65536, java.net.URI.create("http://localhost:8080"));
		assertThatIllegalStateException().isThrownBy(() -> new DatabaseConfiguration().dataSource(properties, prod))
			.withMessageContaining("ONESTOP_DB_URL");
	}
}
