package org.onestop.identity.account;

import java.util.ArrayList;
import java.util.List;

import org.onestop.identity.AccountSecurityChanged;
import org.onestop.identity.AccountSecurityChanged.Change;
import org.onestop.identity.code.ClientAddress;
import org.onestop.identity.code.CodePurpose;
import org.onestop.identity.code.OneTimeCodeLimits;
import org.onestop.identity.code.OneTimeCodes;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signed-in citizen changes about their own account: the password (the current one
 * required), the verified phone (the current password, then a code texted to the new
 * phone), and signing out everywhere (the password required through the API, where a
 * stolen token must not lock its owner out). Each change leaves a notice in the inbox.
 */
@Service
public class AccountChanges {

	private final AccountSecurityStore store;

	private final PasswordEncoder passwords;

	private final OneTimeCodes codes;

	private final OneTimeCodeLimits limits;

	private final EveryDevice devices;

	private final AccountNotices notices;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	AccountChanges(AccountSecurityStore store, PasswordEncoder passwords, OneTimeCodes codes, OneTimeCodeLimits limits,
			EveryDevice devices, AccountNotices notices, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.store = store;
		this.passwords = passwords;
		this.codes = codes;
		this.limits = limits;
		this.devices = devices;
		this.notices = notices;
		this.transactions = transactions;
		this.events = events;
	}

	/** The verified phone, masked, as the account page shows it. */
	public String maskedPhone(String username) {
		return Phones.masked(holder(username).phone());
	}

	/**
	 * Sets a new password; every other session and every API token of the account ends,
	 * the one it was changed from stays.
	 * @param keptSessionId the web session to keep, or null (API)
	 */
	public void changePassword(String username, String current, String password, String keptSessionId,
			String remoteAddress) {
		List<FieldProblem> problems = NewPassword.check(password, new ArrayList<>());
		AccountSecurityStore.Holder account = checked(username, current, problems);
		String hash = passwords.encode(password);
		transactions.executeWithoutResult(status -> {
			store.setPassword(account.id(), hash);
			devices.signOut(account, keptSessionId);
			notices.passwordChanged(username);
			events.publishEvent(
					new AccountSecurityChanged(username, Change.PASSWORD_CHANGED, ClientAddress.of(remoteAddress)));
		});
	}

	/**
	 * Texts a code to the new phone, once the current password is right. The phone
	 * changes only when the code comes back.
	 */
	public void requestPhoneChange(String username, String current, String typedPhone, String remoteAddress) {
		List<FieldProblem> problems = new ArrayList<>();
		String phone = Phones.mobile(typedPhone).orElse(null);
		if (phone == null) {
			problems.add(new FieldProblem("phone",
					typedPhone == null || typedPhone.isBlank() ? "identity.phone.required" : "identity.phone.format"));
		}
		AccountSecurityStore.Holder account = checked(username, current, problems);
		if (phone.equals(account.phone())) {
			throw new InvalidInputException("phone", "identity.phone.same");
		}
		limits.requestFrom(CodePurpose.PHONE_CHANGE, ClientAddress.of(remoteAddress));
		limits.request(CodePurpose.PHONE_CHANGE, username);
		if (!limits.textTo(phone)) {
			throw new InvalidInputException("phone", "identity.phone.too-many");
		}
		codes.issue(CodePurpose.PHONE_CHANGE, username, phone, null);
	}

	/**
	 * A right code makes the phone it was sent to the account's verified phone; the
	 * notice names the old and the new number.
	 * @return the new phone, masked
	 */
	public String confirmPhoneChange(String username, String code, String remoteAddress) {
		String client = ClientAddress.of(remoteAddress);
		limits.tryFrom(client);
		if (code == null || !code.strip().matches("\\d{6}")) {
			throw new InvalidInputException("code",
					code == null || code.isBlank() ? "identity.code.required" : "identity.code.format");
		}
		AccountSecurityStore.Holder account = holder(username);
		OneTimeCodes.Redeemed vouched = codes.redeem(CodePurpose.PHONE_CHANGE, username, code.strip(), client)
			.orElseThrow(() -> new InvalidInputException("code", "identity.code.wrong"));
		transactions.executeWithoutResult(status -> {
			// Told before the change: the alert goes to the old phone, whose owner is the
			// one who
			// must hear of it if the change was not theirs.
			notices.phoneChanged(username, account.phone(), vouched.phone());
			store.setPhone(account.id(), vouched.phone());
			events.publishEvent(new AccountSecurityChanged(username, Change.PHONE_CHANGED, client));
		});
		return Phones.masked(vouched.phone());
	}

	/** Ends every web session (this one too) and every API token of the account. */
	public void signOutEverywhere(String username, String remoteAddress) {
		AccountSecurityStore.Holder account = holder(username);
		transactions.executeWithoutResult(status -> {
			devices.signOut(account, null);
			notices.signedOutEverywhere(username);
			events.publishEvent(new AccountSecurityChanged(username, Change.SIGNED_OUT_EVERYWHERE,
					ClientAddress.of(remoteAddress)));
		});
	}

	/** As {@link #signOutEverywhere}, once the current password is right (the API). */
	public void signOutEverywhere(String username, String current, String remoteAddress) {
		checked(username, current, new ArrayList<>());
		signOutEverywhere(username, remoteAddress);
	}

	/**
	 * The account, once its current password is right; every problem of the form is said
	 * at once.
	 */
	private AccountSecurityStore.Holder checked(String username, String current, List<FieldProblem> problems) {
		AccountSecurityStore.Holder account = holder(username);
		if (current == null || current.isEmpty()) {
			problems.add(0, new FieldProblem("currentPassword", "identity.password.current.required"));
		}
		else {
			limits.passwordCheck(username);
			if (!passwords.matches(current, account.passwordHash())) {
				problems.add(0, new FieldProblem("currentPassword", "identity.password.current.wrong"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return account;
	}

	private AccountSecurityStore.Holder holder(String username) {
		return store.citizen(username).orElseThrow(() -> new NotFoundException("identity.account.not-found"));
	}

}
