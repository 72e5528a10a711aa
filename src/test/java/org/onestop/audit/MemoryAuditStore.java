package org.onestop.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in memory, for unit tests of the sealer and of verification against the
 * checkpoint file: the same statements as {@link AuditStore}, answered from a map. One
 * sealer at a time, so the lock is a no-op.
 */
class MemoryAuditStore extends AuditStore {

	private final List<ChainedEntry> unsealed = new ArrayList<>();

	private final TreeMap<Long, SealedRow> sealed = new TreeMap<>();

	private long nextId = 1;

	private Checkpoint newestCheckpoint;

	MemoryAuditStore() {
		super(null);
	}

	/** Transactions that do nothing: the map needs none. */
	static TransactionTemplate transactions() {
		return new TransactionTemplate(new AbstractPlatformTransactionManager() {

			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus status) {
			}
		});
	}

	@Override
	void insert(List<Entry> entries) {
		entries.forEach(
				e -> unsealed.add(new ChainedEntry(nextId++, e.at(), e.actor(), e.action(), e.subject(), e.summary())));
	}

	/** Removes the newest sealed entries, as an intruder past the trigger would. */
	void deleteFrom(long seq) {
		sealed.tailMap(seq, true).clear();
	}

	@Override
	boolean lockSealing(boolean wait) {
		return true;
	}

	@Override
	List<ChainedEntry> unsealed(int batch) {
		return List.copyOf(unsealed.subList(0, Math.min(batch, unsealed.size())));
	}

	@Override
	Head head() {
		return sealed.isEmpty() ? Head.GENESIS : new Head(sealed.lastKey(), sealed.lastEntry().getValue().hash());
	}

	@Override
	void seal(List<Link> links, String keyId) {
		for (Link link : links) {
			ChainedEntry entry = unsealed.stream().filter(e -> e.id() == link.id()).findFirst().orElseThrow();
			unsealed.remove(entry);
			sealed.put(link.seq(), new SealedRow(entry, link.seq(), link.previous(), link.hash(), keyId));
		}
	}

	@Override
	long unkeyedUntil() {
		return sealed.values().stream().filter(r -> !r.keyed()).mapToLong(SealedRow::seq).max().orElse(0);
	}

	@Override
	List<SealedRow> page(long from, int size) {
		return sealed.tailMap(from, true).values().stream().limit(size).toList();
	}

	@Override
	Optional<Checkpoint> newestCheckpoint() {
		return Optional.ofNullable(newestCheckpoint);
	}

	@Override
	void checkpointWritten(Checkpoint checkpoint) {
		if (newestCheckpoint == null || newestCheckpoint.seq() <= checkpoint.seq()) {
			newestCheckpoint = checkpoint;
		}
	}

	/**
	 * What an intruder with the database can do to the newest checkpoint's row: delete it
	 * (or replay an older one).
	 */
	void forgetNewestCheckpoint() {
		newestCheckpoint = null;
	}

	@Override
	Map<Long, SealedRow> at(Collection<Long> seqs) {
		return seqs.stream().filter(sealed::containsKey).collect(Collectors.toMap(seq -> seq, sealed::get));
	}

}
