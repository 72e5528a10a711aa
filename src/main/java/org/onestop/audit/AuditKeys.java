package org.onestop.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.onestop.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The HMAC keys of the chain. The key is configuration, never data: whoever can rewrite
 * the database but does not hold the key cannot recompute a single seal. Several nodes
 * share it through their configuration. Production must be given one; elsewhere one is
 * generated once into the data folder, readable by its owner only, so that trying OneStop
 * out needs no setup.
 */
@Component
class AuditKeys {

	static final int MIN_LENGTH = 32;

	private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Key current;

	private final Map<String, Key> known = new LinkedHashMap<>();

	AuditKeys(AuditProperties audit, PlatformProperties platform, Environment environment) {
		boolean production = environment.acceptsProfiles(Profiles.of("prod"));
		Path keyFile = platform.dataDir().toAbsolutePath().normalize().resolve("audit").resolve("chain.key");
		this.current = new Key(secret(audit.key(), keyFile, production));
		known.put(current.id(), current);
		for (String retired : audit.retiredKeys()) {
			if (!retired.isBlank()) {
				Key key = new Key(checked(retired.trim(), "ONESTOP_AUDIT_RETIRED_KEYS"));
				known.putIfAbsent(key.id(), key);
			}
		}
	}

	/** The key that seals new entries and signs checkpoints. */
	Key current() {
		return current;
	}

	/** A key by its id: the current one or a retired one. */
	Optional<Key> find(String id) {
		return Optional.ofNullable(id == null ? null : known.get(id));
	}

	/**
	 * One HMAC-SHA256 key, named by an id derived from it (which reveals nothing about
	 * it).
	 */
	static final class Key {

		private final SecretKeySpec secret;

		private final String id;

		Key(String secret) {
			this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			this.id = mac("onestop-audit-key-id").substring(0, 16);
		}

		String id() {
			return id;
		}

		/** HMAC-SHA256 of the text, in lower-case hex. */
		String mac(String text) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(secret);
				return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
			}
		}

	}

	private static String secret(String configured, Path keyFile, boolean production) {
		if (configured != null && !configured.isBlank()) {
			return checked(configured.trim(), "ONESTOP_AUDIT_KEY");
		}
		if (production) {
			throw new IllegalStateException(
					"The prod profile needs the audit chain's key: set ONESTOP_AUDIT_KEY (at least " + MIN_LENGTH
							+ " characters, e.g. `openssl rand -base64 32`), the same on every node, kept outside "
							+ "the database and away from the data volume.");
		}
		try {
			return checked(Files.exists(keyFile) ? read(keyFile) : generate(keyFile), keyFile.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the audit key file " + keyFile, ex);
		}
	}

	private static String checked(String key, String source) {
		if (key.length() < MIN_LENGTH) {
			throw new IllegalStateException("The audit key from " + source + " is too short: it needs at least "
					+ MIN_LENGTH + " characters (e.g. `openssl rand -base64 32`).");
		}
		return key;
	}

	/**
	 * Written beside and then linked into place, so that nodes starting together on one
	 * volume agree on one key.
	 */
	private static String generate(Path keyFile) throws IOException {
		Path folder = Files.createDirectories(keyFile.getParent());
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		Path draft = Files.createTempFile(folder, "chain", ".key.tmp");
		try {
			restrict(draft);
			Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
			try {
				Files.createLink(keyFile, draft);
				log.warn("No ONESTOP_AUDIT_KEY: generated the audit chain's key into {} (owner-only). Keep it: "
						+ "without it the chain cannot be verified. Several machines must share one key through "
						+ "ONESTOP_AUDIT_KEY; production requires it.", keyFile);
			}
			catch (FileAlreadyExistsException ex) {
				// Another node starting on the same volume was first: use its key.
			}
		}
		finally {
			Files.deleteIfExists(draft);
		}
		return read(keyFile);
	}

	private static String read(Path keyFile) throws IOException {
		if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")
				&& Files.getPosixFilePermissions(keyFile).stream().anyMatch(p -> !p.name().startsWith("OWNER"))) {
			log.warn("The audit key file {} was readable by others; it is now owner-only.", keyFile);
			restrict(keyFile);
		}
		return Files.readString(keyFile).trim();
	}

	private static void restrict(Path file) throws IOException {
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

}
