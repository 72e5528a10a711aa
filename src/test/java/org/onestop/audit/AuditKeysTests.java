package org.onestop.audit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.platform.PlatformProperties;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the chain's key comes from, and that it never lands anywhere loosely readable.
 */
class AuditKeysTests {

	@TempDir
	Path dataDir;

	private AuditKeys keys(String key, List<String> retired, String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return new AuditKeys(new AuditProperties(key, retired, null, Duration.ofSeconds(10)),
				new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"),
						new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080")),
				environment);
	}

	@Test
	void withoutAConfiguredKeyOneIsGeneratedOnceReadableByItsOwnerOnly() throws Exception {
		AuditKeys first = keys(null, List.of());
		Path file = dataDir.resolve("audit/chain.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file).trim()).hasSizeGreaterThanOrEqualTo(AuditKeys.MIN_LENGTH);
		assertThat(keys("", List.of()).current().id()).isEqualTo(first.current().id());
	}

	@Test
	void nodesStartingTogetherOnOneVolumeAgreeOnOneKey() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(pool.submit((Callable<String>) () -> keys(null, List.of()).current().id()));
		}
		String id = ids.get(0).get();
		for (Future<String> other : ids) {
			assertThat(other.get()).isEqualTo(id);
		}
		pool.shutdown();
		try (var left = Files.list(dataDir.resolve("audit"))) {
			assertThat(left.map(p -> p.getFileName().toString())).containsExactly("chain.key");
		}
	}

	@Test
	void aLooselyReadableKeyFileIsTightened() throws Exception {
		keys(null, List.of());
		Path file = dataDir.resolve("audit/chain.key");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		keys(null, List.of());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aConfiguredKeyIsUsedAndNeverWrittenToTheDataFolder() {
		AuditKeys keys = keys("configured-key-configured-key-0123", List.of());
		assertThat(keys.current().id()).isEqualTo(new AuditKeys.Key("configured-key-configured-key-0123").id());
		assertThat(dataDir.resolve("audit/chain.key")).doesNotExist();
	}

	@Test
	void productionRefusesToRunWithoutAKey() {
		assertThatThrownBy(() -> keys(null, List.of(), "prod")).hasMessageContaining("ONESTOP_AUDIT_KEY");
		assertThat(dataDir.resolve("audit/chain.key")).doesNotExist();
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatThrownBy(() -> keys("too-short", List.of())).hasMessageContaining("at least 32");
	}

	@Test
	void theSettingsNeverPrintTheKeys() {
		String key = "the-current-key-never-in-a-log-0123";
		String retired = "the-retired-key-never-in-a-log-0123";
		AuditProperties settings = new AuditProperties(key, List.of(retired), Path.of("checkpoints.log"),
				Duration.ofSeconds(10));
		assertThat(settings.toString()).doesNotContain(key)
			.doesNotContain(retired)
			.contains("redacted")
			.contains("checkpoints.log")
			.contains("PT10S");
		assertThat(new AuditProperties(null, List.of(), null, Duration.ofSeconds(10)).toString())
			.contains("key=(not set)");
	}

	@Test
	void retiredKeysStillVerifyWhatTheySealed() {
		String old = "the-key-before-rotation-0123456789";
		AuditKeys keys = keys("the-key-after-rotation-0123456789", List.of(old));
		String oldId = new AuditKeys.Key(old).id();
		assertThat(keys.current().id()).isNotEqualTo(oldId);
		assertThat(keys.find(oldId)).isPresent();
		assertThat(keys.find("0000000000000000")).isEmpty();
	}

}
