package org.onestop.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onestop.identity.AccountSecurityChanged;
import org.onestop.identity.code.ClientAddress;
import org.onestop.identity.code.CodePurpose;
import org.onestop.identity.code.OneTimeCodeLimits;
import org.onestop.identity.code.OneTimeCodes;
import org.onestop.identity.signin.SignIn;
import org.onestop.identity.signin.SignInUnlocking;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forgotten password, reset with a code texted to the account's verified phone through
 * the channel registration codes take. The person types their username or their phone
 * number; asking always gets the same answer, whether or not such an account exists, has
 * that phone, or shares it with another account (then only the username finds it). Codes
 * are limited per typed name or number, per phone texted and per client address; a reset
 * ends every session and API token of the account and leaves a notice in its inbox.
 *
 * <p>
 * Not one transaction, as registration: counters and a code's tries commit on their own.
 */
@Service
public class PasswordReset {

	static final String IDENTIFIER = "identifier";

	private final AccountSecurityStore store;

	private final OneTimeCodes codes;

	private final OneTimeCodeLimits limits;

	private final PasswordEncoder passwords;

	private final EveryDevice devices;

	private final AccountNotices notices;

	private final SignInUnlocking unlocking;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	PasswordReset(AccountSecurityStore store, OneTimeCodes codes, OneTimeCodeLimits limits, PasswordEncoder passwords,
			EveryDevice devices, AccountNotices notices, SignInUnlocking unlocking, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.store = store;
		this.codes = codes;
		this.limits = limits;
		this.passwords = passwords;
		this.devices = devices;
		this.notices = notices;
		this.unlocking = unlocking;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Texts a reset code to the verified phone of the account the person named, if there
	 * is exactly one; else sends nothing, in the same time.
	 * @param typed a username (a citizen's is their ID number) or a mobile number
	 */
	public void requestCode(String typed, String remoteAddress) {
		String identifier = identifier(typed, new ArrayList<>());
		limits.requestFrom(CodePurpose.PASSWORD_RESET, ClientAddress.of(remoteAddress));
		limits.request(CodePurpose.PASSWORD_RESET, identifier);
		Optional<AccountSecurityStore.Holder> account = account(identifier)
			.filter(a -> a.enabled() && Phones.mobile(a.phone()).isPresent());
		if (account.isPresent() && limits.textTo(account.get().phone())) {
			codes.issue(CodePurpose.PASSWORD_RESET, identifier, account.get().phone(), account.get().username());
		}
		else {
			codes.decoy();
		}
	}

	/**
	 * A right code sets the new password of the account it was sent for, if that account
	 * still has the phone it went to; every session and API token of the account ends. A
	 * wrong, spent, expired or never-sent code all get the same answer.
	 * @return the account's username, for the sign-in page
	 */
	public String confirm(String typed, String code, String password, String remoteAddress) {
		String client = ClientAddress.of(remoteAddress);
		limits.tryFrom(client);
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !code.strip().matches("\\d{6}")) {
			problems.add(new FieldProblem("code",
					code == null || code.isBlank() ? "identity.code.required" : "identity.code.format"));
		}
		NewPassword.check(password, problems);
		String identifier = identifier(typed, problems);
		OneTimeCodes.Redeemed vouched = codes.redeem(CodePurpose.PASSWORD_RESET, identifier, code.strip(), client)
			.orElseThrow(() -> new InvalidInputException("code", "identity.code.wrong"));
		AccountSecurityStore.Holder account = store.citizen(vouched.displayName())
			.filter(a -> a.phone().equals(vouched.phone()))
			.orElseThrow(() -> new InvalidInputException("code", "identity.code.wrong"));
		String hash = passwords.encode(password);
		transactions.executeWithoutResult(status -> {
			store.setPassword(account.id(), hash);
			codes.forgetVouchingFor(CodePurpose.PASSWORD_RESET, account.username());
			devices.signOut(account, null);
			unlocking.provedByCode(account.username(), client);
			notices.passwordReset(account.username());
			events.publishEvent(new AccountSecurityChanged(account.username(),
					AccountSecurityChanged.Change.PASSWORD_RESET, client));
		});
		return account.username();
	}

	/** One account by username, or the only one with this phone. */
	private Optional<AccountSecurityStore.Holder> account(String identifier) {
		if (Phones.mobile(identifier).isPresent()) {
			List<AccountSecurityStore.Holder> holders = store.citizensWithPhone(identifier);
			return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
		}
		return store.citizen(identifier);
	}

	/** A phone number as digits only, else the username as accounts know it. */
	private static String identifier(String typed, List<FieldProblem> problems) {
		String identifier = Phones.mobile(typed).orElseGet(() -> SignIn.normalise(typed));
		if (identifier.isBlank() || identifier.length() > 100 || identifier.chars().anyMatch(Character::isISOControl)) {
			problems.add(0, new FieldProblem(IDENTIFIER, "identity.reset.identifier.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return identifier;
	}

}
