package org.onestop.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives unsealed entries their chain position and keyed seal, in the order their inserts became visible.
 * Every node runs it; a transaction-scoped advisory lock lets one seal at a time, and the others skip the
 * round. An entry whose transaction commits late simply takes a later position, so the chain never has to
 * be rewritten. Each run that advanced the chain then appends a checkpoint, once its transaction has
 * committed: a checkpoint never names a position that was rolled back.
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
	private final Clock clock;

	AuditSealer(AuditStore store, AuditKeys keys, CheckpointLog checkpoints, TransactionTemplate transactions,
			Clock clock) {
		this.store = store;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${onestop.audit.seal-interval:PT1S}")
	void sealRegularly() {
		seal(false);
	}

	/**
	 * Seals everything committed so far. With {@code wait}, waits for a sealer on another node to
	 * finish rather than skipping, so that the caller sees the whole log sealed.
	 *
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
		if (last != null) {
			anchor(last);
		}
		return total;
	}

	/** A checkpoint of the sealed head as it is now, signed but not written: for pollers to keep. */
	Checkpoint headNow() {
		AuditStore.Head head = store.head();
		return Checkpoint.sign(keys.current(), head.seq(), head.hash(), store.unkeyedUntil(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), NODE);
	}

	private record Sealed(int count, long seq, String hash, long legacyUntil) {

		static final Sealed NONE = new Sealed(0, 0, null, 0);
	}

	private Sealed sealBatch(boolean wait) {
		if (!store.lockSealing(wait)) {
			return Sealed.NONE;
		}
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
		for (ChainedEntry entry : unsealed) {
			seq++;
			String mac = entry.mac(key, seq, previous);
			store.seal(entry.id(), seq, previous, mac, key.id());
			previous = mac;
		}
		return new Sealed(unsealed.size(), seq, previous, store.unkeyedUntil());
	}

	/**
	 * Where the chain continues: after its newest sealed entry, unless a checkpoint names a later position.
	 * Then the newest entries were deleted. Sealing goes on after the checkpoint, chained to its seal, so
	 * that no position a checkpoint names is ever given to another entry; the gap stays, and verification
	 * reports it. Refusing to seal instead would leave every new entry unchained until someone came.
	 * Without a readable checkpoint file it cannot know, and seals nothing (entries are still written).
	 */
	private Optional<AuditStore.Head> continueAfter(AuditStore.Head head) {
		Optional<Checkpoint> highest;
		try {
			highest = checkpoints.highest();
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

	private void anchor(Sealed sealed) {
		Runnable write = () -> {
			try {
				checkpoints.append(Checkpoint.sign(keys.current(), sealed.seq(), sealed.hash(), sealed.legacyUntil(),
						clock.instant().truncatedTo(ChronoUnit.MILLIS), NODE));
			}
			catch (IOException | RuntimeException ex) {
				log.error("Could not write the audit checkpoint for entry {} to {}; the next sealing run writes a newer one",
						sealed.seq(), checkpoints.file(), ex);
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Sealed inside a caller's transaction: anchor only what that transaction commits.
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
