package org.onestop.identity.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's web sessions and API tokens. Both live in the shared database (Spring
 * Session JDBC and {@code identity_api_token}), so a session ended here is ended on every
 * node at its next request; a token another node looked up in the last few seconds still
 * works there until its cache entry expires ({@code onestop.identity.token-cache}, 10 s).
 */
@Component
class EveryDevice {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AccountSecurityStore store;

	EveryDevice(FindByIndexNameSessionRepository<? extends Session> sessions, AccountSecurityStore store) {
		this.sessions = sessions;
		this.store = store;
	}

	/**
	 * Ends every web session of the account but the one named (null: all of them), and
	 * revokes all its API tokens.
	 */
	void signOut(AccountSecurityStore.Holder account, String keptSessionId) {
		sessions.findByPrincipalName(account.username())
			.keySet()
			.stream()
			.filter(id -> !id.equals(keptSessionId))
			.forEach(sessions::deleteById);
		store.forgetTokens(account.id());
	}

}
