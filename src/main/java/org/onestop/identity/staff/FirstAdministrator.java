package org.onestop.identity.staff;

import java.util.Set;

import org.onestop.identity.Role;
import org.onestop.platform.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, makes sure someone can administer OneStop: when no administrator exists
 * yet, the account {@code admin} is created with the password from
 * {@code ONESTOP_ADMIN_PASSWORD}.
 */
@Component
@Profile("prod")
class FirstAdministrator implements ApplicationRunner {

	private final StaffStore store;

	private final StaffAdministration administration;

	private final String password;

	FirstAdministrator(StaffStore store, StaffAdministration administration,
			@Value("${ONESTOP_ADMIN_PASSWORD:}") String password) {
		this.store = store;
		this.administration = administration;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (store.anyAdministrator()) {
			return;
		}
		if (password.length() < 12) {
			throw new IllegalStateException("No administrator exists yet: set ONESTOP_ADMIN_PASSWORD (at least 12 "
					+ "characters) so that OneStop can create the first one, 'admin'.");
		}
		try {
			administration.create("system",
					new StaffForm("admin", "Administrator", "GS", Set.of(Role.ADMIN), password));
		}
		catch (ConflictException ex) {
			// Another node, starting at the same moment, created it first: all is as it
			// should be.
		}
	}

}
