package org.onestop.application.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.onestop.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault's files on disk, named by SHA-256 and shared by every document with the same
 * content. A file is put in place inside the transaction that records its document, so a
 * committed document always has its file; a file that a transaction newly put in place
 * and then rolled back is removed again, unless a committed document uses it.
 * <p>
 * Uploads of one content take a shared advisory lock on its hash until they end, and the
 * removal an exclusive one, so the removal waits for every upload that may have found the
 * file in place and then sees their committed rows: counting rows without that lock could
 * remove a file that another upload, committing a moment later, relies on. Renaming only
 * after commit would instead lose the file of a committed document when a node dies in
 * between.
 */
@Component
class VaultFiles {

	private static final Logger log = LoggerFactory.getLogger(VaultFiles.class);

	private final Path root;

	private final DocumentStore documents;

	private final TransactionTemplate transactions;

	// Removal runs on its own thread: after a rollback the caller still holds its pooled
	// connection, and must not
	// wait there for a second one.
	private final ExecutorService removals = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "vault-file-removal");
		thread.setDaemon(true);
		return thread;
	});

	VaultFiles(PlatformProperties properties, DocumentStore documents, TransactionTemplate transactions) {
		this.root = properties.dataDir().toAbsolutePath().normalize().resolve("documents");
		this.documents = documents;
		this.transactions = transactions;
	}

	/**
	 * A new empty file in the vault's folder, to write an upload into before it is known
	 * what it is.
	 */
	Path temporary(String prefix) throws IOException {
		Files.createDirectories(root);
		return Files.createTempFile(root, prefix, ".part");
	}

	/**
	 * Moves a written file in place as the file of its hash, unless that is there
	 * already.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void keep(String sha256, Path written) throws IOException {
		place(sha256, target -> Files.move(written, target, StandardCopyOption.ATOMIC_MOVE));
	}

	/** Puts content in place as the file of its hash, unless that is there already. */
	@Transactional(propagation = Propagation.MANDATORY)
	void keep(String sha256, byte[] content) throws IOException {
		place(sha256, target -> {
			Path temporary = temporary("issued-");
			try {
				Files.write(temporary, content);
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		});
	}

	InputStream open(String sha256) throws IOException {
		return Files.newInputStream(path(sha256));
	}

	Path path(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	/** Waits until every removal asked for so far has run. */
	void settle() throws InterruptedException, ExecutionException {
		removals.submit(() -> {
		}).get();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		removals.shutdown();
		removals.awaitTermination(10, TimeUnit.SECONDS);
	}

	private void place(String sha256, Writer writer) throws IOException {
		documents.lockFileShared(key(sha256));
		Path target = path(sha256);
		if (Files.exists(target)) {
			return;
		}
		Files.createDirectories(target.getParent());
		writer.write(target);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					// Also when the outcome is unknown: the removal keeps a file that any
					// committed row uses.
					removals.execute(() -> removeIfUnused(sha256));
				}
			}
		});
	}

	private void removeIfUnused(String sha256) {
		try {
			transactions.executeWithoutResult(status -> {
				documents.lockFileExclusive(key(sha256));
				// A statement of its own, so that it reads after the lock was granted and
				// sees what its holders committed.
				if (!documents.fileInUse(sha256)) {
					try {
						Files.deleteIfExists(path(sha256));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not check or remove the vault file {} that a rolled-back transaction put in place", sha256,
					ex);
		}
	}

	private static int key(String sha256) {
		return Integer.parseUnsignedInt(sha256.substring(0, 8), 16);
	}

	@FunctionalInterface
	private interface Writer {

		void write(Path target) throws IOException;

	}

}
