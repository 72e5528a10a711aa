package org.onestop.application.vault;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that rolls back takes away the vault file it newly put in place, but
 * never a file that a committed document uses, nor one that an upload still under way has
 * found in place and will commit.
 */
@IntegrationTest
class VaultFilesIntegrationTests {

	@Autowired
	DocumentVault vault;

	@Autowired
	VaultFiles files;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient db;

	@Test
	void aRolledBackUploadTakesItsNewFileAway() throws Exception {
		byte[] pdf = pdf();
		String sha = rolledBack(() -> vault.upload("li.na", "回滚的上传", new ByteArrayInputStream(pdf)).sha256());
		files.settle();
		assertThat(files.path(sha)).doesNotExist();
	}

	@Test
	void aRolledBackCertificateTakesItsNewFileAway() throws Exception {
		byte[] pdf = pdf();
		String sha = rolledBack(() -> vault.deposit("li.na", "回滚的电子证照", pdf).sha256());
		files.settle();
		assertThat(files.path(sha)).doesNotExist();
	}

	@Test
	void aFileThatACommittedUploadFoundInPlaceStays() throws Exception {
		byte[] pdf = pdf();
		VaultDocument[] committed = new VaultDocument[1];
		String sha = rolledBack(() -> {
			VaultDocument mine = vault.upload("li.na", "先放入后回滚", new ByteArrayInputStream(pdf));
			// Another citizen's upload of the same bytes finds the file in place and
			// commits first.
			committed[0] = CompletableFuture.supplyAsync(() -> upload("zhao.lei", pdf)).get(30, TimeUnit.SECONDS);
			return mine.sha256();
		});
		files.settle();
		assertThat(files.path(sha)).exists();
		try (InputStream in = vault.open(committed[0])) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void aFileThatAnUploadStillUnderWayFoundInPlaceStays() throws Exception {
		byte[] pdf = pdf();
		CountDownLatch found = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<VaultDocument> other = new CompletableFuture<>();
		String sha = rolledBack(() -> {
			VaultDocument mine = vault.upload("li.na", "先放入后回滚", new ByteArrayInputStream(pdf));
			new Thread(() -> {
				try {
					other.complete(transactions.execute(status -> {
						VaultDocument document = upload("zhao.lei", pdf);
						found.countDown();
						await(commit);
						return document;
					}));
				}
				catch (RuntimeException ex) {
					other.completeExceptionally(ex);
				}
			}).start();
			assertThat(found.await(30, TimeUnit.SECONDS)).isTrue();
			return mine.sha256();
		});
		// The other upload has found the file and not yet committed: the removal must
		// wait for it, not count rows now.
		Path file = files.path(sha);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!removalWaits() && Files.exists(file) && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		commit.countDown();
		VaultDocument document = other.get(30, TimeUnit.SECONDS);
		files.settle();
		assertThat(file).exists();
		try (InputStream in = vault.open(document)) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	private String rolledBack(java.util.concurrent.Callable<String> work) {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			try {
				return work.call();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private VaultDocument upload(String owner, byte[] pdf) {
		try {
			return vault.upload(owner, "同一份文件", new ByteArrayInputStream(pdf));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private boolean removalWaits() {
		return db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND NOT granted")
			.query(Integer.class)
			.single() > 0;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A distinct small PDF each time, so that its file is new. */
	private static byte[] pdf() {
		return ("%PDF-1.7\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

}
