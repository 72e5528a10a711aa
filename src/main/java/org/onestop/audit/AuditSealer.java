package org.onestop.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives unsealed entries their chain position and keyed seal, in the order their inserts
 * became visible. Every node runs it; a transaction-scoped advisory lock lets one seal at
 * a time, and the others skip the round. An entry whose transaction commits late simply
 * takes a later position, so the chain never has to be rewritten. After each run, once
 * its transaction has committed (so that a checkpoint never names a position that was
 * rolled back), a checkpoint of the head is appended if the newest one is older than the
 * checkpoint interval and does not cover the head yet. When that newest checkpoint was
 * written is read from the database, so that every node knows it, whichever node wrote
 * it.
 */
@Component
class AuditSealer {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private static final int BATCH = 500;

	private static final String NODE = node();

	private final AuditStore store;

	private final AuditKeys keys;

	private final CheckpointLog checkpoints;

	private final TransactionTemplate transactions;

	/**
	 * For the checkpoint's reads and writes: they may run after a caller's transaction
	 * has committed.
	 */
	private final TransactionTemplate apart;

	private final Clock clock;

	private final Duration interval;

	AuditSealer(AuditStore store, AuditKeys keys, CheckpointLog checkpoints, TransactionTemplate transactions,
			Clock clock, AuditProperties properties) {
		this.store = store;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.transactions = transactions;
		this.apart = new TransactionTemplate(transactions.getTransactionManager());
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.interval = properties.checkpointInterval();
	}

	@Scheduled(fixedDelayString = "${onestop.audit.seal-interval:PT1S}")
	void sealRegularly() {
		seal(false);
	}

	/**
	 * Seals everything committed so far, then writes a checkpoint if one is due. With
	 * {@code wait}, waits for a sealer on another node to finish rather than skipping, so
	 * that the caller sees the whole log sealed.
	 * @return how many entries were sealed by this call
	 */
	int seal(boolean wait) {
		int total = 0;
		Sealed batch;
		Sealed last = null;
		do {
			batch = transactions.execute(status -> sealBatch(wait));
			if (batch.count() > 0) {
				last = batch;
			}
			total += batch.count();
		}
		while (batch.count() == BATCH);
		anchor(last);
		return total;
	}

	/**
	 * A checkpoint of the sealed head as it is now, signed but not written: for pollers
	 * to keep.
	 */
	Checkpoint headNow() {
		AuditStore.Head head = store.head();
		return Checkpoint.sign(keys.current(), head.seq(), head.hash(), store.unkeyedUntil(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), NODE);
	}

	private record Sealed(int count, long seq, String hash, long legacyUntil) {

		static final Sealed NONE = new Sealed(0, 0, null, 0);

	}

	/** The chain's head and the end of its unkeyed prefix, as they are now. */
	private Sealed current() {
		AuditStore.Head head = store.head();
		return new Sealed(0, head.seq(), head.hash(), store.unkeyedUntil());
	}

	private Sealed sealBatch(boolean wait) {
		if (!store.lockSealing(wait)) {
			return Sealed.NONE;
		}
		// Sealing inside a caller's transaction seals what it has audited so far too.
		PendingEntries.writeNow();
		List<ChainedEntry> unsealed = store.unsealed(BATCH);
		if (unsealed.isEmpty()) {
			return Sealed.NONE;
		}
		Optional<AuditStore.Head> start = continueAfter(store.head());
		if (start.isEmpty()) {
			return Sealed.NONE;
		}
		long seq = start.get().seq();
		String previous = start.get().hash();
		AuditKeys.Key key = keys.current();
		List<AuditStore.Link> seals = new ArrayList<>(unsealed.size());
		for (ChainedEntry entry : unsealed) {
			seq++;
			String mac = entry.mac(key, seq, previous);
			seals.add(new AuditStore.Link(entry.id(), seq, previous, mac));
			previous = mac;
		}
		store.seal(seals, key.id());
		return new Sealed(unsealed.size(), seq, previous, store.unkeyedUntil());
	}

	/**
	 * Where the chain continues: after its newest sealed entry, unless a checkpoint names
	 * a later position. Then the newest entries were deleted. Sealing goes on after the
	 * checkpoint, chained to its seal, so that no position a checkpoint names is ever
	 * given to another entry; the gap stays, and verification reports it. Refusing to
	 * seal instead would leave every new entry unchained until someone came. Without a
	 * readable checkpoint file it cannot know, and seals nothing (entries are still
	 * written).
	 */
	private Optional<AuditStore.Head> continueAfter(AuditStore.Head head) {
		Optional<Checkpoint> highest;
		try {
			highest = highest();
		}
		catch (IOException ex) {
			log.error("Audit sealing paused: cannot read the checkpoint file {}", checkpoints.file(), ex);
			return Optional.empty();
		}
		if (highest.isPresent() && highest.get().seq() > head.seq()) {
			Checkpoint checkpoint = highest.get();
			log.error("AUDIT ALARM: sealed audit entries were deleted. The log ends at entry {}, but the checkpoint "
					+ "of {} (written by {}) recorded entry {}. Sealing continues after entry {} so that no position is "
					+ "given twice; GET /api/v1/audit/verify reports the gap.", head.seq(), checkpoint.at(),
					checkpoint.node(), checkpoint.seq(), checkpoint.seq());
			return Optional.of(new AuditStore.Head(checkpoint.seq(), checkpoint.head()));
		}
		return Optional.of(head);
	}

	/**
	 * The highest checkpoint: the file's, or the newest one recorded in the database when
	 * that is higher, which means the file was moved away or replaced. That one is then
	 * carried over into the file, so that no position it names is given out again and
	 * verification still compares the head with it.
	 */
	private Optional<Checkpoint> highest() throws IOException {
		Optional<Checkpoint> inFile = checkpoints.highest();
		Optional<Checkpoint> recorded = store.newestCheckpoint().filter(c -> c.authentic(keys));
		if (recorded.isPresent() && (inFile.isEmpty() || recorded.get().seq() > inFile.get().seq())) {
			carryOver(recorded.get());
			return recorded;
		}
		return inFile;
	}

	private void carryOver(Checkpoint newest) {
		try {
			checkpoints.append(newest);
			log.warn(
					"The audit checkpoint file {} was moved away or replaced: carried the newest checkpoint (entry {}, "
							+ "written {} by {}) over into it",
					checkpoints.file(), newest.seq(), newest.at(), newest.node());
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not carry the newest audit checkpoint over into {}; the next run tries again",
					checkpoints.file(), ex);
		}
	}

	private void anchor(Sealed sealed) {
		Runnable write = () -> checkpointIfDue(sealed);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Sealed inside a caller's transaction: anchor only what that transaction
			// commits.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					write.run();
				}
			});
		}
		else {
			write.run();
		}
	}

	/**
	 * Writes a checkpoint of the head when the newest one is at least the interval old
	 * and does not cover the head: a head sealed by a run that wrote none (here or on
	 * another node) is covered by the first run after the interval. Two nodes deciding at
	 * the same moment may both write one, which does no harm.
	 */
	private void checkpointIfDue(Sealed sealed) {
		try {
			Optional<Checkpoint> newest = apart.execute(s -> store.newestCheckpoint()).filter(c -> c.authentic(keys));
			if (newest.isPresent() && checkpoints.isMissingOrEmpty()) {
				carryOver(newest.get());
			}
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			if (newest.isPresent() && !due(newest.get().at(), now)) {
				return;
			}
			Sealed head = sealed != null ? sealed : apart.execute(s -> current());
			if (head.seq() == 0 || newest.isPresent() && newest.get().seq() >= head.seq()) {
				return;
			}
			Checkpoint checkpoint = Checkpoint.sign(keys.current(), head.seq(), head.hash(), head.legacyUntil(), now,
					NODE);
			checkpoints.append(checkpoint);
			apart.executeWithoutResult(s -> store.checkpointWritten(checkpoint));
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not write the audit checkpoint to {}; the next sealing run tries again",
					checkpoints.file(), ex);
		}
	}

	/**
	 * Whether a checkpoint written at {@code at} is old enough to be followed by another.
	 * One stamped more than the interval ahead of this node's clock came from a node
	 * whose clock is wrong, and is not waited for.
	 */
	private boolean due(Instant at, Instant now) {
		return !at.isAfter(now.minus(interval)) || at.isAfter(now.plus(interval));
	}

	private static String node() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "/" + ProcessHandle.current().pid();
	}

}
