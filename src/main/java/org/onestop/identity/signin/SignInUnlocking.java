package org.onestop.identity.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onestop.identity.SignInUnlocked;
import org.onestop.identity.code.ClientAddress;
import org.onestop.identity.code.CodePurpose;
import org.onestop.identity.code.OneTimeCodeLimits;
import org.onestop.identity.code.OneTimeCodes;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifting sign-in locks. A citizen unlocks their own address with a code texted to their
 * account's verified phone (the registry's when they registered, or the one they changed
 * to); staff accounts have no verified phone, so for them (and for anyone) an
 * administrator lifts every lock of a username, audited. Asking for a code always gets
 * the same answer, so that it tells nobody which usernames exist or have a phone.
 */
@Service
public class SignInUnlocking {

	private static final String MOBILE = "1[3-9]\\d{9}";

	private final SignInAttempts attempts;

	private final SignInLockQueries lockQueries;

	private final AccountStore accounts;

	private final OneTimeCodes codes;

	private final OneTimeCodeLimits limits;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	SignInUnlocking(SignInAttempts attempts, SignInLockQueries lockQueries, AccountStore accounts, OneTimeCodes codes,
			OneTimeCodeLimits limits, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.attempts = attempts;
		this.lockQueries = lockQueries;
		this.accounts = accounts;
		this.codes = codes;
		this.limits = limits;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Texts an unlock code to the account's verified phone, if it is a citizen's with
	 * one; else sends nothing.
	 */
	public void requestCode(String typedUsername, String remoteAddress) {
		String client = ClientAddress.of(remoteAddress);
		String username = username(typedUsername, new ArrayList<>(), "identity.username.required");
		limits.unlockRequestFrom(client);
		limits.request(CodePurpose.UNLOCK, username);
		Optional<String> phone = verifiedPhone(username);
		if (phone.isPresent()) {
			codes.issue(CodePurpose.UNLOCK, username, phone.get(), null);
		}
		else {
			codes.decoy();
		}
	}

	/**
	 * A right code unlocks the username for the address it is typed from, and makes that
	 * address known. Every confirmation counts against the address's tries of the hour,
	 * well-formed or not.
	 */
	public void confirm(String typedUsername, String code, String remoteAddress) {
		String client = ClientAddress.of(remoteAddress);
		limits.tryFrom(client);
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !code.strip().matches("\\d{6}")) {
			problems.add(new FieldProblem("code",
					code == null || code.isBlank() ? "identity.code.required" : "identity.code.format"));
		}
		String username = username(typedUsername, problems, "identity.username.required");
		codes.redeem(CodePurpose.UNLOCK, username, code.strip(), client)
			.orElseThrow(() -> new InvalidInputException("code", "identity.code.wrong"));
		transactions.executeWithoutResult(status -> {
			attempts.unlockedByCode(username, client);
			events.publishEvent(new SignInUnlocked(username, username, client));
		});
	}

	/**
	 * The user just proved with a code to their verified phone (resetting the password)
	 * that they are who they say: their locks on this address go, and it becomes known.
	 */
	public void provedByCode(String username, String remoteAddress) {
		attempts.unlockedByCode(username, ClientAddress.of(remoteAddress));
	}

	/**
	 * An administrator lifts every lock of a username, on every address, and its
	 * back-off.
	 */
	public void unlock(String administrator, String typedUsername) {
		String username = username(typedUsername, new ArrayList<>(), "identity.admin.locks.username.required");
		transactions.executeWithoutResult(status -> {
			attempts.clearEverywhere(username);
			events.publishEvent(new SignInUnlocked(administrator, username, null));
		});
	}

	public SignInLocks locks() {
		return lockQueries.locks();
	}

	/**
	 * The account's verified phone (changed by its holder with a code to the new one),
	 * not the registry's: the registry's may be one the holder has given up.
	 */
	private Optional<String> verifiedPhone(String username) {
		return accounts.citizenPhone(username).map(String::strip).filter(phone -> phone.matches(MOBILE));
	}

	/**
	 * Usernames no account could have (too long, control characters) are refused like a
	 * missing one.
	 */
	private static String username(String typed, List<FieldProblem> problems, String missing) {
		String username = SignIn.normalise(typed);
		if (!SignIn.possible(username)) {
			problems.add(0, new FieldProblem("username", missing));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return username;
	}

}
