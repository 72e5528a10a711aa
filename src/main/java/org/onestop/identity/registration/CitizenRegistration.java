package org.onestop.identity.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onestop.identity.CitizenRegistered;
import org.onestop.identity.code.ClientAddress;
import org.onestop.identity.code.CodePurpose;
import org.onestop.identity.code.OneTimeCodeLimits;
import org.onestop.identity.code.OneTimeCodes;
import org.onestop.platform.ConflictException;
import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.Accessor;
import org.onestop.registry.IdentityMatch;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a citizen's account in two steps. First, name and ID number: when they match
 * the population registry, no account exists yet and the registry holds a mobile number,
 * a one-time code goes to that number; in every other case nothing is sent, and the
 * answer is the same, so that registration tells nobody who is a resident, whose name is
 * what, or who has an account. Second, the code and a password create the account. The
 * username is the ID number itself, which every resident knows by heart.
 *
 * <p>
 * Deliberately not one transaction: the counters and a code's tries commit on their own,
 * and a request must never hold one pooled connection while waiting for a second.
 */
@Service
public class CitizenRegistration {

	private static final String PHONE = "population.phone";

	private static final String MOBILE = "1[3-9]\\d{9}";

	private final FormValidation validation;

	private final PopulationRegistry registry;

	private final Registries registries;

	private final RegistrationStore store;

	private final OneTimeCodes codes;

	private final OneTimeCodeLimits limits;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final RegistrationThrottle throttle;

	CitizenRegistration(FormValidation validation, PopulationRegistry registry, Registries registries,
			RegistrationStore store, OneTimeCodes codes, OneTimeCodeLimits limits, PasswordEncoder passwords,
			TransactionTemplate transactions, ApplicationEventPublisher events, RegistrationThrottle throttle) {
		this.validation = validation;
		this.registry = registry;
		this.registries = registries;
		this.store = store;
		this.codes = codes;
		this.limits = limits;
		this.passwords = passwords;
		this.transactions = transactions;
		this.events = events;
		this.throttle = throttle;
	}

	/**
	 * Step one: sends a code to the registry's phone for this person if the details
	 * match, and otherwise nothing, with the same answer and as nearly as practical the
	 * same time. Only malformed input and the limits (per address an hour, per ID number
	 * an hour and a day; all counted before anything is looked up) are refused.
	 * @param client the address the request came from, for the attempt limit
	 */
	public void requestCode(RegistrationForm form, String client) {
		throttle.attempt(ClientAddress.of(client));
		List<FieldProblem> problems = new ArrayList<>(validation.problems(form));
		ResidentIdNumber idNumber = idNumber(form.idNumber(), problems);
		limits.request(CodePurpose.REGISTRATION, idNumber.value());
		String name = form.name().strip();
		Optional<String> phone = phoneToConfirm(idNumber, name);
		if (phone.isPresent()) {
			codes.issue(CodePurpose.REGISTRATION, idNumber.value(), phone.get(), name);
		}
		else {
			codes.decoy();
		}
	}

	/**
	 * Step two: a right code creates the account (name and phone as the registry had them
	 * when the code was sent). A wrong, spent, expired or never-sent code all get the
	 * same answer. Every confirmation counts against the address's tries of the hour,
	 * well-formed or not, and every well-formed one against the day's tries at the ID
	 * number from that address.
	 * @param client the address the confirmation came from
	 * @return the new account's username
	 */
	public String confirm(RegistrationConfirmation form, String client) {
		String address = ClientAddress.of(client);
		limits.tryFrom(address);
		List<FieldProblem> problems = PasswordLength.check(form.password(), new ArrayList<>(validation.problems(form)));
		ResidentIdNumber idNumber = idNumber(form.idNumber(), problems);
		OneTimeCodes.Redeemed vouched = codes
			.redeem(CodePurpose.REGISTRATION, idNumber.value(), form.code().strip(), address)
			.orElseThrow(() -> new InvalidInputException("code", "identity.code.wrong"));
		String username = idNumber.value().toLowerCase();
		String hash = passwords.encode(form.password());
		try {
			transactions.executeWithoutResult(status -> {
				store.createCitizen(username, hash, vouched.displayName(), idNumber, vouched.phone());
				events.publishEvent(new CitizenRegistered(username, idNumber));
			});
		}
		catch (DuplicateKeyException ex) {
			// The unique keys decide, so two simultaneous confirmations cannot both
			// succeed. Only the phone's holder
			// gets this far, so telling them is no leak.
			throw new ConflictException("identity.registration.duplicate");
		}
		return username;
	}

	/**
	 * Where the code goes, or nothing: details that differ, an existing account, or no
	 * mobile in the registry.
	 */
	private Optional<String> phoneToConfirm(ResidentIdNumber idNumber, String name) {
		if (registry.match(idNumber, name) != IdentityMatch.MATCHED || store.citizenExists(idNumber)) {
			return Optional.empty();
		}
		String phone = registries
			.read(idNumber, List.of(PHONE), Accessor.system(), "one-time code to confirm a new OneStop account")
			.get(PHONE);
		return Optional.ofNullable(phone).map(String::strip).filter(p -> p.matches(MOBILE));
	}

	/** Checks the ID number's form too, and refuses every faulty field at once. */
	private static ResidentIdNumber idNumber(String typed, List<FieldProblem> problems) {
		boolean idNumberMissing = problems.stream().anyMatch(p -> p.field().equals("idNumber"));
		if (!idNumberMissing) {
			ResidentIdNumber.check(typed)
				.ifPresent(defect -> problems.add(new FieldProblem("idNumber",
						"identity.id-number." + defect.name().toLowerCase().replace('_', '-'))));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return ResidentIdNumber.parse(typed);
	}

}
