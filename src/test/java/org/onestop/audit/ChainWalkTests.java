package org.onestop.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.platform.PlatformProperties;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The walk over a chain: old unkeyed entries still verify, and what was done to the chain
 * shows.
 */
class ChainWalkTests {

	private final AuditKeys keys = new AuditKeys(
			new AuditProperties("walk-test-key-0123456789abcdefghij", List.of(), null, Duration.ofSeconds(10)),
			new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
					new PlatformProperties.Db(null, "postgres", null), 65536, URI.create("http://localhost:8080")),
			new MockEnvironment());

	/**
	 * A chain as the sealers built it: {@code unkeyed} entries by the old sealer, then
	 * keyed ones.
	 */
	private List<SealedRow> chain(int unkeyed, int keyed) {
		List<SealedRow> rows = new ArrayList<>();
		String previous = ChainedEntry.GENESIS;
		for (long seq = 1; seq <= unkeyed + keyed; seq++) {
			ChainedEntry entry = new ChainedEntry(100 + seq, Instant.parse("2026-11-30T08:00:00Z").plusSeconds(seq),
					"clerk", "test.event", "item:" + seq, "entry " + seq);
			boolean isKeyed = seq > unkeyed;
			String seal = isKeyed ? entry.mac(keys.current(), seq, previous) : entry.hash(seq, previous);
			rows.add(new SealedRow(entry, seq, previous, seal, isKeyed ? keys.current().id() : null));
			previous = seal;
		}
		return rows;
	}

	private List<Findings.Finding> walk(List<SealedRow> rows, long legacyUntil) {
		Findings findings = new Findings();
		ChainWalk walk = new ChainWalk(keys, legacyUntil, findings);
		rows.forEach(walk::accept);
		return findings.list();
	}

	private static SealedRow resealedWithSha256(SealedRow row, String previous, String summary) {
		ChainedEntry changed = new ChainedEntry(row.entry().id(), row.entry().occurredAt(), row.entry().actor(),
				row.entry().action(), row.entry().subject(), summary);
		return new SealedRow(changed, row.seq(), previous, changed.hash(row.seq(), previous), row.keyId());
	}

	@Test
	void entriesSealedBeforeTheKeyStillVerifyAndTheKeyedChainContinuesFromThem() {
		assertThat(walk(chain(5, 5), 5)).isEmpty();
		assertThat(walk(chain(5, 5), -1)).as("without checkpoints").isEmpty();
		assertThat(walk(chain(0, 10), 0)).isEmpty();
	}

	@Test
	void aChainRecomputedWithPlainSha256FromSomeEntryOnIsFoundFromThatEntry() {
		List<SealedRow> rows = chain(3, 7);
		String previous = rows.get(4).hash();
		for (int i = 5; i < rows.size(); i++) {
			rows.set(i, resealedWithSha256(rows.get(i), previous,
					i == 5 ? "nothing happened here" : rows.get(i).entry().summary()));
			previous = rows.get(i).hash();
		}
		assertThat(walk(rows, 3))
			.extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to,
					Findings.Finding::firstEntry)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 6L, 10L, 106L));
	}

	@Test
	void keyedEntriesPassedOffAsUnkeyedAreFoundWithOrWithoutCheckpoints() {
		List<SealedRow> rows = chain(3, 7);
		String previous = rows.get(2).hash();
		for (int i = 3; i < rows.size(); i++) {
			SealedRow resealed = resealedWithSha256(rows.get(i), previous, rows.get(i).entry().summary());
			rows.set(i, new SealedRow(resealed.entry(), resealed.seq(), resealed.prevHash(), resealed.hash(), null));
			previous = resealed.hash();
		}
		// With checkpoints: they say the unkeyed part ended at 3.
		assertThat(walk(rows, 3)).extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 4L, 10L));
		// Without, a wholly unkeyed chain cannot be told from an old one: that is what
		// checkpoints are for.
		assertThat(walk(rows, -1)).isEmpty();
		// But unkeyed entries after keyed ones are.
		rows.set(9, new SealedRow(rows.get(9).entry(), 10, rows.get(9).prevHash(), rows.get(9).hash(),
				keys.current().id()));
		rows.set(8, new SealedRow(rows.get(8).entry(), 9, rows.get(8).prevHash(), rows.get(8).hash(), null));
		assertThat(walk(rows, -1)).extracting(Findings.Finding::kind).contains(Findings.Kind.REWRITTEN);
	}

	@Test
	void aGapIsReportedAndTheRestIsStillChecked() {
		List<SealedRow> rows = chain(0, 10);
		rows.subList(3, 6).clear();
		assertThat(walk(rows, 0)).extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to)
			.containsExactly(tuple(Findings.Kind.REMOVED, 4L, 6L));
	}

	@Test
	void anEntryWhoseSealWasReplacedIsNamedByItsSuccessorsLink() {
		List<SealedRow> rows = chain(0, 5);
		SealedRow third = rows.get(2);
		rows.set(2, new SealedRow(third.entry(), 3, third.prevHash(), "f".repeat(64), third.keyId()));
		assertThat(walk(rows, 0)).extracting(Findings.Finding::kind, Findings.Finding::from, Findings.Finding::to)
			.containsExactly(tuple(Findings.Kind.REWRITTEN, 3L, 3L));
	}

	@Test
	void entriesSealedWithAKeyThisNodeDoesNotHoldAreReportedAsUncheckable() {
		List<SealedRow> rows = chain(0, 3);
		SealedRow last = rows.get(2);
		rows.set(2, new SealedRow(last.entry(), 3, last.prevHash(), last.hash(), "0123456789abcdef"));
		assertThat(walk(rows, 0)).extracting(Findings.Finding::kind, Findings.Finding::detail)
			.containsExactly(tuple(Findings.Kind.UNKNOWN_KEY, "0123456789abcdef"));
	}

	@Test
	void findingsArrivingOutOfOrderAndTwiceMergeIntoRuns() {
		Findings findings = new Findings();
		for (long seq : new long[] { 5, 3, 4, 9, 4, 8, 7, 1 }) {
			findings.add(Findings.Kind.REWRITTEN, seq, seq * 10);
		}
		assertThat(findings.list())
			.extracting(Findings.Finding::from, Findings.Finding::to, Findings.Finding::firstEntry)
			.containsExactly(tuple(1L, 1L, 10L), tuple(3L, 5L, 30L), tuple(7L, 9L, 70L));
		assertThat(findings.firstBrokenEntry()).isEqualTo(10L);
	}

}
