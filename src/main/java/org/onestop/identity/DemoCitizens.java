package org.onestop.identity;

import java.util.Map;

import org.onestop.platform.InvalidInputException;
import org.onestop.registry.SyntheticResidents;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Load-test citizens, outside production only: {@code POST /api/v1/admin/demo/citizens {"count": N}} makes
 * residents and accounts {@code load.citizen.00001} … (password demo12345), idempotently.
 */
@RestController
@Profile("!prod")
class DemoCitizens {

	static final int MAX = 20_000;

	private final SyntheticResidents residents;
	private final JdbcClient db;
	private final PasswordEncoder passwords;

	DemoCitizens(SyntheticResidents residents, JdbcClient db, PasswordEncoder passwords) {
		this.residents = residents;
		this.db = db;
		this.passwords = passwords;
	}

	record Request(Integer count) {
	}

	@PostMapping("/api/v1/admin/demo/citizens")
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	Map<String, Integer> create(@RequestBody Request request) {
		int count = request.count() == null ? 0 : request.count();
		if (count < 1 || count > MAX) {
			throw new InvalidInputException("count", "identity.demo-citizens.count", MAX);
		}
		// One hash for all of them: the password is public, and hashing 20,000 times would take minutes.
		String hash = passwords.encode(IdentityDemoData.PASSWORD);
		int created = 0;
		for (SyntheticResidents.Synthetic r : residents.ensure(count)) {
			Long id = db.sql("""
					INSERT INTO identity_account (username, password_hash, kind, display_name)
					VALUES (:u, :hash, 'CITIZEN', :name) ON CONFLICT (username) DO NOTHING RETURNING id""")
				.param("u", "load.citizen.%05d".formatted(r.number())).param("hash", hash).param("name", r.name())
				.query(Long.class).optional().orElse(null);
			if (id != null) {
				db.sql("INSERT INTO identity_citizen (account_id, id_number, phone) VALUES (:id, :n, :p) ON CONFLICT DO NOTHING")
					.param("id", id).param("n", r.idNumber().value()).param("p", r.phone()).update();
				created++;
			}
		}
		return Map.of("requested", count, "created", created);
	}
}
