package org.onestop.application.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onestop.application.DocumentAdded;
import org.onestop.identity.ActedFor;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's document vault (P2, tell us once): a document is uploaded once and
 * reused. Files are stored by content hash, written to a temporary file first and moved
 * into place ({@link VaultFiles}), so a failed upload leaves nothing half-written, a
 * rolled-back one leaves no file of its own, and two uploads of the same file share one
 * copy.
 */
@Service
public class DocumentVault {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final DocumentStore documents;

	private final VaultFiles files;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final VaultQuota quota;

	private final VaultShelf shelf;

	private final ActedFor actedFor;

	DocumentVault(DocumentStore documents, VaultFiles files, Clock clock, ApplicationEventPublisher events,
			VaultQuota quota, VaultShelf shelf, ActedFor actedFor) {
		this.documents = documents;
		this.files = files;
		this.clock = clock;
		this.events = events;
		this.quota = quota;
		this.shelf = shelf;
		this.actedFor = actedFor;
	}

	/**
	 * Stores an upload into the user's vault; a representative's upload is recorded in
	 * the grantor's record of what was done for them, in the same transaction.
	 */
	@Transactional
	public VaultDocument upload(OneStopUser user, String title, InputStream content) throws IOException {
		VaultDocument document = upload(user.username(), title, content);
		actedFor.record(user, "acting.what.uploaded", List.of(document.title()), "/account/documents/" + document.id());
		return document;
	}

	/**
	 * The documents this user may see: all of them, or a scoped representative's share.
	 */
	public List<VaultDocument> documentsOf(OneStopUser user) {
		if (!VaultShelf.scoped(user)) {
			return documentsOf(user.username());
		}
		Set<UUID> visible = visible(user);
		return documentsOf(user.username()).stream().filter(d -> visible.contains(d.id())).toList();
	}

	/** One document this user may see; anything else is as good as absent. */
	public Optional<VaultDocument> find(OneStopUser user, UUID id) {
		return find(user.username(), id).filter(d -> !VaultShelf.scoped(user) || visible(user).contains(d.id()));
	}

	/** Which of these documents this user may use, in the owner's vault. */
	public Set<UUID> owned(OneStopUser user, List<UUID> ids) {
		Set<UUID> owned = owned(user.username(), ids);
		if (!VaultShelf.scoped(user) || owned.isEmpty()) {
			return owned;
		}
		Set<UUID> visible = visible(user);
		return owned.stream().filter(visible::contains).collect(Collectors.toSet());
	}

	private Set<UUID> visible(OneStopUser user) {
		return shelf.of(user).stream().map(e -> e.document().id()).collect(Collectors.toSet());
	}

	/**
	 * Stores an upload; the type is read from the content, the size limit enforced while
	 * reading, and the citizen's quota (count and bytes) taken before its file goes on
	 * disk.
	 */
	@Transactional
	public VaultDocument upload(String owner, String title, InputStream content) throws IOException {
		return store(owner, title, content, "UPLOADED", null);
	}

	/**
	 * Stores a paper the citizen brought to a counter, scanned or photographed by the
	 * clerk (issue 15): the same checks and quota as an upload, origin COUNTER, and who
	 * scanned it.
	 */
	@Transactional
	public VaultDocument scan(String owner, String title, InputStream content, String clerk) throws IOException {
		return store(owner, title, content, "COUNTER", clerk);
	}

	private VaultDocument store(String owner, String title, InputStream content, String origin, String addedBy)
			throws IOException {
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > 100) {
			throw new InvalidInputException("title", "application.vault.title.required");
		}
		if (hasInvisibleCharacters(cleanTitle)) {
			throw new InvalidInputException("title", "application.vault.title.invisible");
		}
		Path temporary = files.temporary("upload-");
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] head;
			long size;
			try (InputStream in = new DigestInputStream(content, sha256)) {
				head = in.readNBytes(16);
				Files.write(temporary, head);
				size = head.length + copyAtMost(in, temporary, MAX_BYTES - head.length);
			}
			if (size == 0) {
				throw new InvalidInputException("file", "application.vault.file.empty");
			}
			DocumentType type = DocumentType.of(head)
				.orElseThrow(() -> new InvalidInputException("file", "application.vault.file.type"));
			String hash = HexFormat.of().formatHex(sha256.digest());
			// The quota first: a refused upload must not leave its file on disk.
			quota.take(owner, size);
			files.keep(hash, temporary);
			VaultDocument document = new VaultDocument(UUID.randomUUID(), cleanTitle, type.contentType(), size, hash,
					origin, clock.instant());
			documents.add(owner, document, null, addedBy);
			events.publishEvent(new DocumentAdded(owner, document.id(), document.contentType(), size));
			return document;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Puts a document that OneStop itself issued (an e-certificate) into the citizen's
	 * vault, so that it can be reused like any upload and is never asked for again.
	 */
	@Transactional
	public VaultDocument deposit(String owner, String title, byte[] content) {
		return deposit(owner, title, content, null);
	}

	/**
	 * As {@link #deposit(String, String, byte[])}, remembering the application it was
	 * issued for, so that the citizen's documents page can say where it came from.
	 */
	@Transactional
	public VaultDocument deposit(String owner, String title, byte[] content, UUID sourceApplication) {
		DocumentType type = DocumentType.of(Arrays.copyOf(content, Math.min(16, content.length)))
			.orElseThrow(() -> new IllegalArgumentException("An issued document is a PDF, PNG or JPEG"));
		try {
			String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
			quota.add(owner, content.length);
			files.keep(hash, content);
			VaultDocument document = new VaultDocument(UUID.randomUUID(), title, type.contentType(), content.length,
					hash, "ISSUED", clock.instant());
			documents.add(owner, document, sourceApplication);
			events.publishEvent(new DocumentAdded(owner, document.id(), document.contentType(), content.length));
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public List<VaultDocument> documentsOf(String owner) {
		return documents.of(owner);
	}

	/** One of the owner's documents; another person's document is as good as absent. */
	public Optional<VaultDocument> find(String owner, UUID id) {
		return documents.find(owner, id);
	}

	/** Which of these documents belong to the owner, in one query. */
	public Set<UUID> owned(String owner, List<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return documents.owned(owner, ids);
	}

	public InputStream open(VaultDocument document) {
		try {
			return files.open(document.sha256());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The vault file of document " + document.id() + " is missing", ex);
		}
	}

	/**
	 * Whether a title holds characters that change how the text around them is shown
	 * without being seen themselves: bidirectional overrides, embeddings and isolates
	 * (U+202A–U+202E, U+2066–U+2069), marks, zero-width characters, other format and
	 * control characters, and line separators. A right-to-left override (RLO) makes
	 * "invoice[RLO]fdp.exe" read as "invoiceexe.pdf" to the clerk who opens it. Refused
	 * rather than stripped: the citizen sees what was wrong, and the stored name is
	 * exactly what they typed.
	 */
	static boolean hasInvisibleCharacters(String text) {
		return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
			case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
			default -> false;
		});
	}

	private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
		long copied = 0;
		byte[] buffer = new byte[64 * 1024];
		try (var out = Files.newOutputStream(target, StandardOpenOption.APPEND)) {
			for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
				copied += n;
				if (copied > limit) {
					throw new InvalidInputException("file", "application.vault.file.too-large",
							MAX_BYTES / 1024 / 1024);
				}
				out.write(buffer, 0, n);
			}
		}
		return copied;
	}

}
