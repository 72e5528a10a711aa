package org.onestop.audit;

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

/** The checkpoint file: whole signed lines from several writers at once, and tampering visible. */
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
		return new PlatformProperties(dataDir, ZoneId.of("Asia/Shanghai"), new PlatformProperties.Db(null, "postgres", null),
				65536, URI.create("http://localhost:8080"));
	}

	/** Each instance stands for a node sharing the data volume. */
	private CheckpointLog node() {
		return new CheckpointLog(properties(), platform(), keys);
	}

	private Checkpoint checkpoint(long seq) {
		return Checkpoint.sign(keys.current(), seq, "%064x".formatted(seq), 0, Instant.parse("2026-12-03T10:20:00Z"), "test");
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
	}

	@Test
	void anEditedLineIsNotAuthenticAndIsNeverTakenAsTheHighest() throws Exception {
		CheckpointLog log = node();
		log.append(checkpoint(7));
		log.append(checkpoint(8));
		Path file = log.file();
		Files.writeString(file, Files.readString(file).replace("\"seq\":8", "\"seq\":9000"));
		assertThat(lines(log)).extracting(CheckpointLog.Line::authentic).containsExactly(true, false);
		assertThat(log.highest()).map(Checkpoint::seq).contains(7L);
	}

	@Test
	void aLineCutShortIsSkippedWhileBeingWrittenAndFencedOffByTheNextAppend() throws Exception {
		CheckpointLog log = node();
		log.append(checkpoint(1));
		Files.writeString(log.file(), "{\"v\":1,\"seq\":2,\"he", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		assertThat(lines(log)).hasSize(1);
		assertThat(log.highest()).map(Checkpoint::seq).contains(1L);
		log.append(checkpoint(3));
		assertThat(lines(log)).extracting(CheckpointLog.Line::number, CheckpointLog.Line::authentic)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true), org.assertj.core.groups.Tuple.tuple(2L, false),
					org.assertj.core.groups.Tuple.tuple(3L, true));
		assertThat(log.after(1, 10)).extracting(Checkpoint::seq).containsExactly(3L);
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
