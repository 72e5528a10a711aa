package org.onestop.complaint.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Open311 keys of third-party apps: issued by administrators and shown once, then
 * kept only as their SHA-256, so that a copy of the database posts nothing; revoked keys
 * stop working at once.
 */
@Service
class Open311Clients {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

	private final SecureRandom random = new SecureRandom();

	private final Open311ClientStore store;

	private final Clock clock;

	Open311Clients(Open311ClientStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** A client just registered, with its key: the only time anybody sees the key. */
	record Issued(String id, String name, String key) {
	}

	@Transactional
	Issued issue(OneStopUser admin, String id, String name) {
		requireAdmin(admin);
		List<FieldProblem> problems = new ArrayList<>();
		if (id == null || !ID.matcher(id).matches()) {
			problems.add(new FieldProblem("id", "complaint.open311.client.id"));
		}
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			problems.add(new FieldProblem("name", "complaint.open311.client.name", 100));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		if (!store.add(id, cleanName, sha256(key), admin.username(), clock.instant())) {
			throw new ConflictException("complaint.open311.client.taken");
		}
		return new Issued(id, cleanName, key);
	}

	List<Open311Client> all(OneStopUser admin) {
		requireAdmin(admin);
		return store.all();
	}

	@Transactional
	void revoke(OneStopUser admin, String id) {
		requireAdmin(admin);
		if (store.find(id).isEmpty()) {
			throw new NotFoundException("complaint.open311.client.not-found");
		}
		store.revoke(id, clock.instant());
	}

	/** The client that holds this key, unless the key is unknown or revoked. */
	Optional<String> clientOf(String key) {
		return key == null || key.isBlank() ? Optional.empty() : store.active(sha256(key.strip()));
	}

	/** Registers a client whose key is known in advance (the demo city's). */
	void register(String id, String name, String key, String by) {
		store.add(id, name, sha256(key), by, clock.instant());
	}

	static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static void requireAdmin(OneStopUser user) {
		if (user == null || !user.has(Role.ADMIN)) {
			throw new ForbiddenException("complaint.open311.client.forbidden");
		}
	}

}
