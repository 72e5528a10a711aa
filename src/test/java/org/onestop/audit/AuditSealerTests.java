package org.onestop.audit;

import org.onestop.MovableClock;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.platform.PlatformProperties;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the sealer writes checkpoints: at most one per interval, on whichever node, with
 * the newest head always covered by the first run after the interval; and what happens
 * when the checkpoint file is moved away.
 */
class AuditSealerTests {

	static final Duration INTERVAL = Duration.ofSeconds(10);

	@TempDir
	Path dataDir;

	final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:55:00Z"));

	/** The database every node shares. */
	final MemoryAuditStore store = new MemoryAuditStore();

	AuditProperties properties() {
		return new AuditProperties("sealer-test-key-0123456789abcdefgh", List.of(), null, INTERVAL);
	}

	AuditKeys keys;

	CheckpointLog log;

	@BeforeEach
	void keysAndFile() {
		keys = new AuditKeys(properties(), platform(), new MockEnvironment());
		log = new CheckpointLog(properties(), platform(), keys);
	}

	PlatformProperties platform() {
		return new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080"));
	}

	/**
	 * A node: its own sealer, on the shared database and checkpoint file, with its own
	 * clock.
	 */
	AuditSealer node(java.time.Clock nodeClock) {
		return new AuditSealer(store, keys, new CheckpointLog(properties(), platform(), keys),
				MemoryAuditStore.transactions(), nodeClock, properties());
	}

	void entry() {
		store.insert(clock.instant(), "tester", "test.event", "item", "written by a unit test");
	}

	List<Checkpoint> checkpoints() throws Exception {
		List<Checkpoint> all = new ArrayList<>();
		log.read(line -> all.add(line.checkpoint()));
		return all;
	}

	@Test
	void underSteadyLoadACheckpointIsWrittenAtMostOncePerIntervalNotOncePerRun() throws Exception {
		AuditSealer sealer = node(clock);
		for (int second = 0; second < 30; second++) {
			entry();
			sealer.seal(false);
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(checkpoints()).extracting(Checkpoint::seq).containsExactly(1L, 11L, 21L);
	}

	@Test
	void theNewestHeadIsCoveredByTheFirstRunAfterTheIntervalEvenWithNothingNewToSeal() throws Exception {
		AuditSealer sealer = node(clock);
		entry();
		sealer.seal(false);
		clock.advance(Duration.ofSeconds(1));
		entry();
		entry();
		sealer.seal(false);
		assertThat(checkpoints()).extracting(Checkpoint::seq).containsExactly(1L);
		for (int second = 0; second < 30; second++) {
			clock.advance(Duration.ofSeconds(1));
			assertThat(sealer.seal(false)).isZero();
		}
		assertThat(checkpoints()).extracting(Checkpoint::seq)
			.as("the head, once, then nothing while idle")
			.containsExactly(1L, 3L);
	}

	@Test
	void everyNodeKnowsWhenTheNewestCheckpointWasWrittenWhicheverNodeWroteIt() throws Exception {
		AuditSealer first = node(clock);
		AuditSealer second = node(clock);
		entry();
		first.seal(false);
		clock.advance(Duration.ofSeconds(3));
		entry();
		second.seal(false);
		assertThat(checkpoints()).extracting(Checkpoint::seq).containsExactly(1L);
		clock.advance(INTERVAL);
		second.seal(false);
		assertThat(checkpoints()).extracting(Checkpoint::seq).containsExactly(1L, 2L);
	}

	@Test
	void aCheckpointStampedByANodeWhoseClockRunsAheadIsNotWaitedFor() throws Exception {
		AuditSealer ahead = node(java.time.Clock.offset(clock, Duration.ofHours(1)));
		AuditSealer onTime = node(clock);
		entry();
		ahead.seal(false);
		clock.advance(Duration.ofSeconds(1));
		entry();
		onTime.seal(false);
		clock.advance(Duration.ofSeconds(1));
		entry();
		onTime.seal(false);
		assertThat(checkpoints()).extracting(Checkpoint::seq).containsExactly(1L, 2L);
	}

	@Test
	void movingTheFileAwayNeitherFailsVerificationNorLetsTheSealerGiveACheckpointedPositionAgain() throws Exception {
		AuditSealer sealer = node(clock);
		AuditVerification verification = new AuditVerification(store, sealer, keys, log, new MemoryVerifiedMarkStore(),
				MemoryAuditStore.transactions(), clock, 256);
		for (int i = 0; i < 3; i++) {
			entry();
		}
		sealer.seal(false);
		Path shipped = dataDir.resolve("checkpoints.log.shipped");
		Files.move(log.file(), shipped);

		AuditVerification.Verdict afterRotation = verification.verify();
		assertThat(afterRotation.valid()).isTrue();
		assertThat(afterRotation.checkpoints()).as("the newest checkpoint, carried over into the new file")
			.isEqualTo(1);
		assertThat(Files.readAllLines(log.file())).containsExactly(Files.readAllLines(shipped).get(0));

		// Rotated again, and then an intruder with the database deletes the newest
		// entries.
		Files.move(log.file(), dataDir.resolve("checkpoints.log.shipped-again"));
		store.deleteFrom(2);
		entry();
		clock.advance(INTERVAL);
		sealer.seal(false);
		assertThat(store.head().seq()).as("not position 2, which the carried-over checkpoint names").isEqualTo(4);
		AuditVerification.Verdict verdict = verification.verify();
		assertThat(verdict.valid()).isFalse();
		assertThat(verdict.findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.TRUNCATED);
			assertThat(f.to()).isEqualTo(3);
		});
		assertThat(verdict.findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.REMOVED);
			assertThat(f.from()).isEqualTo(2);
			assertThat(f.to()).isEqualTo(3);
		});
	}

}
