package org.onestop.identity.demo;

import org.onestop.platform.InvalidInputException;
import org.onestop.registry.SyntheticResidents;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Load-test citizens, outside production only: residents and accounts
 * {@code load.citizen.00001} … (password {@value IdentityDemoData#PASSWORD}), made
 * idempotently.
 */
@Service
@Profile("!prod")
public class DemoCitizens {

	static final int MAX = 20_000;

	private final SyntheticResidents residents;

	private final DemoAccountStore store;

	private final PasswordEncoder passwords;

	DemoCitizens(SyntheticResidents residents, DemoAccountStore store, PasswordEncoder passwords) {
		this.residents = residents;
		this.store = store;
		this.passwords = passwords;
	}

	/**
	 * Makes sure the first {@code count} load-test citizens exist; answers how many were
	 * new.
	 */
	@Transactional
	public int ensure(int count) {
		if (count < 1 || count > MAX) {
			throw new InvalidInputException("count", "identity.demo-citizens.count", MAX);
		}
		// One hash for all of them: the password is public, and hashing 20,000 times
		// would take minutes.
		String hash = passwords.encode(IdentityDemoData.PASSWORD);
		int created = 0;
		for (SyntheticResidents.Synthetic r : residents.ensure(count)) {
			var id = store.newAccount("load.citizen.%05d".formatted(r.number()), r.name(), "CITIZEN", hash);
			if (id.isPresent()) {
				store.citizen(id.get(), r.idNumber().value(), r.phone());
				created++;
			}
		}
		return created;
	}

}
