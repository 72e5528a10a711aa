package org.onestop.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.platform.PlatformProperties;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The edges of the chain that PIT found unguarded: that a seal covers every field, and
 * the walk's counts and its findings at the first entry, at position 0 of the legacy
 * prefix, and after an unkeyed entry that follows a keyed one.
 */
class ChainEdgesTests {

	private final AuditKeys keys = new AuditKeys(
			new AuditProperties("edges-test-key-0123456789abcdefghij", List.of(), null, Duration.ofSeconds(10)),
			new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
					new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080")),
			new MockEnvironment());

	private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

	private static ChainedEntry entry(long seq) {
		return new ChainedEntry(100 + seq, AT.plusSeconds(seq), "clerk", "test.event", "item:" + seq, "entry " + seq);
	}

	private static SealedRow unkeyed(ChainedEntry entry, long seq, String previous) {
		return new SealedRow(entry, seq, previous, entry.hash(seq, previous), null);
	}

	private SealedRow keyed(ChainedEntry entry, long seq, String previous) {
		return new SealedRow(entry, seq, previous, entry.mac(keys.current(), seq, previous), keys.current().id());
	}

	/** {@code unkeyed} legacy entries, then {@code keyed} ones. */
	private List<SealedRow> chain(int unkeyed, int keyed) {
		List<SealedRow> rows = new ArrayList<>();
		String previous = ChainedEntry.GENESIS;
		for (long seq = 1; seq <= unkeyed + keyed; seq++) {
			SealedRow row = seq > unkeyed ? keyed(entry(seq), seq, previous) : unkeyed(entry(seq), seq, previous);
			rows.add(row);
			previous = row.hash();
		}
		return rows;
	}

	private ChainWalk walk(List<SealedRow> rows, long legacyUntil, Findings findings) {
		ChainWalk walk = new ChainWalk(keys, legacyUntil, findings);
		rows.forEach(walk::accept);
		return walk;
	}

	private List<Findings.Finding> findings(List<SealedRow> rows, long legacyUntil) {
		Findings findings = new Findings();
		walk(rows, legacyUntil, findings);
		return findings.list();
	}

	@Test
	void theLegacySealIsSha256OfTheLengthPrefixedFields() throws Exception {
		ChainedEntry entry = new ChainedEntry(7, AT, "clerk", "a.b", "s", "hi");
		String canonical = ChainedEntry.GENESIS.length() + ":" + ChainedEntry.GENESIS + "|1:3|1:7|20:" + AT
				+ "|5:clerk|" + "3:a.b|1:s|2:hi|";
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		assertThat(entry.hash(3, ChainedEntry.GENESIS)).isEqualTo(expected);
		assertThat(entry.mac(keys.current(), 3, ChainedEntry.GENESIS)).hasSize(64).isNotEqualTo(expected);
	}

	@Test
	void everyFieldThePositionAndThePreviousSealChangeTheSeal() {
		ChainedEntry e = entry(1);
		List<ChainedEntry> changed = List.of(
				new ChainedEntry(999, e.occurredAt(), e.actor(), e.action(), e.subject(), e.summary()),
				new ChainedEntry(e.id(), e.occurredAt().plusMillis(1), e.actor(), e.action(), e.subject(), e.summary()),
				new ChainedEntry(e.id(), e.occurredAt(), "other", e.action(), e.subject(), e.summary()),
				new ChainedEntry(e.id(), e.occurredAt(), e.actor(), "other", e.subject(), e.summary()),
				new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), "other", e.summary()),
				new ChainedEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subject(), "other"));
		String hash = e.hash(1, ChainedEntry.GENESIS);
		String mac = e.mac(keys.current(), 1, ChainedEntry.GENESIS);
		for (ChainedEntry other : changed) {
			assertThat(other.hash(1, ChainedEntry.GENESIS)).as(other.toString()).isNotEqualTo(hash);
			assertThat(other.mac(keys.current(), 1, ChainedEntry.GENESIS)).as(other.toString()).isNotEqualTo(mac);
		}
		assertThat(e.hash(2, ChainedEntry.GENESIS)).isNotEqualTo(hash);
		assertThat(e.mac(keys.current(), 1, "1".repeat(64))).isNotEqualTo(mac);
	}

	@Test
	void theWalkCountsEntriesAndKnowsTheHead() {
		ChainWalk walk = walk(chain(2, 3), 2, new Findings());
		assertThat(walk.entries()).isEqualTo(5);
		assertThat(walk.head()).isEqualTo(5);
		List<SealedRow> gap = chain(0, 6);
		gap.remove(1);
		ChainWalk gapped = walk(gap, 0, new Findings());
		assertThat(gapped.entries()).isEqualTo(5);
		assertThat(gapped.head()).isEqualTo(6);
		assertThat(walk(List.of(), -1, new Findings()).head()).isZero();
	}

	@Test
	void checkpointsSayingNothingWasUnkeyedMakeAnUnkeyedFirstEntryARewrite() {
		assertThat(findings(chain(1, 2), 0)).extracting(Findings.Finding::kind, Findings.Finding::from)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 1L));
		assertThat(findings(chain(1, 2), 1)).isEmpty();
	}

	@Test
	void withoutCheckpointsAnUnkeyedEntryAfterAKeyedOneIsARewrite() {
		List<SealedRow> rows = chain(0, 2);
		rows.add(unkeyed(entry(3), 3, rows.get(1).hash()));
		assertThat(findings(rows, -1)).extracting(Findings.Finding::kind, Findings.Finding::from)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 3L));
	}

	@Test
	void aFirstEntryThatDoesNotStartFromTheGenesisIsARewrite() {
		List<SealedRow> rows = chain(3, 0);
		rows.set(0, unkeyed(entry(1), 1, "1".repeat(64)));
		rows.set(1, unkeyed(entry(2), 2, rows.get(0).hash()));
		rows.set(2, unkeyed(entry(3), 3, rows.get(1).hash()));
		assertThat(findings(rows, 3)).extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 1L, 1L));
	}

	@Test
	void aLegacyEntryEditedAndResealedIsNamedByItsSuccessorsLink() {
		List<SealedRow> rows = chain(5, 0);
		SealedRow third = rows.get(2);
		ChainedEntry edited = new ChainedEntry(third.entry().id(), third.entry().occurredAt(), "clerk", "test.event",
				"item:3", "nothing happened");
		rows.set(2, unkeyed(edited, 3, third.prevHash()));
		assertThat(findings(rows, 5))
			.extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to,
					Findings.Finding::firstEntry)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 3L, 3L, 103L));
	}

}
