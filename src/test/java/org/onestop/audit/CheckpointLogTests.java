package org.onestop.audit;

import org.onestop.MovableClock;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.platform.PlatformProperties;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The checkpoint file: whole signed lines from several writers at once, tampering
 * visible, crashes forgiven.
 */
class CheckpointLogTests {

	@TempDir
	Path dataDir;

	AuditKeys keys;

	@BeforeEach
	void keys() {
		keys = new AuditKeys(properties(), platform(), new MockEnvironment());
	}

	private AuditProperties properties() {
		return new AuditProperties("checkpoint-test-key-0123456789abcdef", List.of(), null, Duration.ofSeconds(10));
	}

	private PlatformProperties platform() {
		return new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"),
				new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080"));
	}

	/** Each instance stands for a node sharing the data volume. */
	private CheckpointLog node() {
		return new CheckpointLog(properties(), platform(), keys);
	}

	private Checkpoint checkpoint(long seq) {
		return Checkpoint.sign(keys.current(), seq, "%064x".formatted(seq), 0, Instant.parse("2026-12-03T10:20:00Z"),
				"test");
	}

	/**
	 * A node with its own log in memory, sealing into the shared checkpoint file, at a
	 * clock the test moves.
	 */
	private final class Node {

		final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:20:00Z"));

		final MemoryAuditStore store = new MemoryAuditStore();

		final CheckpointLog log = node();

		final AuditSealer sealer = new AuditSealer(store, keys, log, MemoryAuditStore.transactions(), clock,
				properties());

		final AuditVerification verification = new AuditVerification(store, sealer, keys, log,
				new MemoryVerifiedMarkStore(), MemoryAuditStore.transactions(), clock, 256);

		/**
		 * Writes entries and seals them, a checkpoint interval after the last sealing
		 * run.
		 */
		void write(int entries) {
			clock.advance(Duration.ofSeconds(10));
			for (int i = 0; i < entries; i++) {
				store.insert(clock.instant(), "tester", "test.event", "item", "written by a unit test");
			}
			sealer.seal(true);
		}

	}

	private List<CheckpointLog.Line> lines(CheckpointLog log) throws Exception {
		List<CheckpointLog.Line> lines = new ArrayList<>();
		log.read(lines::add);
		return lines;
	}

	@Test
	void severalNodesAppendingAtOnceLeaveOneWholeSignedLineEach() throws Exception {
		List<CheckpointLog> nodes = List.of(node(), node(), node());
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < 6; t++) {
			CheckpointLog log = nodes.get(t % nodes.size());
			int thread = t;
			work.add(pool.submit(() -> {
				for (int i = 0; i < 200; i++) {
					log.append(checkpoint(thread * 1000L + i));
				}
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get();
		}
		pool.shutdown();
		List<CheckpointLog.Line> lines = lines(node());
		assertThat(lines).hasSize(1200).allSatisfy(line -> assertThat(line.authentic()).isTrue());
		// Read from the end, across many chunks and lines far out of order, pollers still
		// get every one.
		assertThat(node().after(-1, 5000)).hasSize(1200).extracting(Checkpoint::seq).isSorted();
		// highest() reads only the file's end, where a real sealer's newest checkpoint
		// is (positions only grow, lines are out of order by a few at most); these six
		// writers' ranges lie a thousand apart, so whichever finished first may be far
		// from the end. The next checkpoint written is the one found.
		nodes.get(0).append(checkpoint(9_999));
		assertThat(node().highest()).map(Checkpoint::seq).contains(9_999L);
	}

	@Test
	void pollersAndTheSealerReadOnlyTheEndOfALongFile() throws Exception {
		CheckpointLog log = node();
		// Sixteen gigabytes of zero bytes, as a crash can leave (a sparse file: no disk
		// is used), then checkpoints.
		Files.createDirectories(log.file().getParent());
		try (RandomAccessFile file = new RandomAccessFile(log.file().toFile(), "rw")) {
			file.setLength(16L << 30);
		}
		for (long seq = 1; seq <= 200; seq++) {
			log.append(checkpoint(seq));
		}
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertThat(log.after(190, 5)).extracting(Checkpoint::seq).containsExactly(191L, 192L, 193L, 194L, 195L);
			assertThat(log.highest()).map(Checkpoint::seq).contains(200L);
		});
	}

	@Test
	void anEditedLineIsNotAuthenticIsReportedAndIsNeverTakenAsTheHighest() throws Exception {
		Node node = new Node();
		node.write(1);
		node.write(1);
		Path file = node.log.file();
		Files.writeString(file, Files.readString(file).replace("\"seq\":2", "\"seq\":9000"));
		assertThat(lines(node.log)).extracting(CheckpointLog.Line::kind)
			.containsExactly(CheckpointLog.Line.Kind.AUTHENTIC, CheckpointLog.Line.Kind.NOT_AUTHENTIC);
		assertThat(node.log.highest()).map(Checkpoint::seq).contains(1L);
		AuditVerification.Verdict verdict = node.verification.verify();
		assertThat(verdict.valid()).isFalse();
		assertThat(verdict.findings()).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo(Findings.Kind.CHECKPOINT_INVALID);
			assertThat(f.from()).isEqualTo(2);
		});
	}

	@Test
	void aLineCutShortByACrashIsFencedOffByTheNextAppendAndIgnoredNotReportedAsTampering() throws Exception {
		Node node = new Node();
		node.write(2);
		long tornAt = Files.size(node.log.file());
		// The crash: a checkpoint's write cut short.
		Files.writeString(node.log.file(), "{\"v\":1,\"seq\":3,\"he", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		assertThat(lines(node.log)).hasSize(1);
		assertThat(node.log.highest()).map(Checkpoint::seq).contains(2L);
		assertThat(node.verification.verify().valid()).isTrue();

		node.write(1);
		assertThat(lines(node.log)).extracting(CheckpointLog.Line::number, CheckpointLog.Line::kind)
			.containsExactly(tuple(1L, CheckpointLog.Line.Kind.AUTHENTIC), tuple(2L, CheckpointLog.Line.Kind.TORN),
					tuple(3L, CheckpointLog.Line.Kind.AUTHENTIC));
		AuditVerification.Verdict verdict = node.verification.verify();
		assertThat(verdict.valid()).as("a crash is no tampering, and must not fail verification forever").isTrue();
		assertThat(verdict.findings()).isEmpty();
		assertThat(verdict.checkpoints()).isEqualTo(2);
		assertThat(verdict.newestCheckpoint().seq()).isEqualTo(3);
		assertThat(verdict.tornLines()).containsExactly(new Findings.TornLine(2, tornAt));
		assertThat(node.log.after(2, 10)).extracting(Checkpoint::seq).containsExactly(3L);
	}

	@Test
	void pollersGetTheLowestPositionsAfterTheirsFirst() throws Exception {
		CheckpointLog log = node();
		for (long seq : new long[] { 5, 3, 9, 4, 12, 10 }) {
			log.append(checkpoint(seq));
		}
		assertThat(log.after(4, 3)).extracting(Checkpoint::seq).containsExactly(5L, 9L, 10L);
		assertThat(log.after(12, 3)).isEmpty();
	}

}
