package org.onestop.identity;

import java.util.List;

import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.ProblemException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.IdentityMatch;
import org.onestop.registry.PopulationRegistry;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a citizen's account once their name and ID number match the population registry. The
 * username is the ID number itself, which every resident knows by heart.
 */
@Service
class CitizenRegistration {

	private final FormValidation validation;
	private final PopulationRegistry registry;
	private final PasswordEncoder passwords;
	private final JdbcClient db;
	private final ApplicationEventPublisher events;
	private final RegistrationThrottle throttle;

	CitizenRegistration(FormValidation validation, PopulationRegistry registry, PasswordEncoder passwords, JdbcClient db,
			ApplicationEventPublisher events, RegistrationThrottle throttle) {
		this.throttle = throttle;
		this.validation = validation;
		this.registry = registry;
		this.passwords = passwords;
		this.db = db;
		this.events = events;
	}

	/**
	 * @param client the address the request came from, for the attempt limit
	 * @return the new account's username
	 */
	@Transactional
	String register(RegistrationForm form, String client) {
		throttle.attempt(client);
		ResidentIdNumber idNumber = checked(form);
		String username = idNumber.value().toLowerCase();
		String name = form.name().strip();
		try {
			long accountId = db.sql("""
					INSERT INTO identity_account (username, password_hash, kind, display_name)
					VALUES (:username, :hash, 'CITIZEN', :name) RETURNING id""")
				.param("username", username)
				.param("hash", passwords.encode(form.password()))
				.param("name", name)
				.query(Long.class)
				.single();
			db.sql("INSERT INTO identity_citizen (account_id, id_number, phone) VALUES (:id, :idNumber, :phone)")
				.param("id", accountId)
				.param("idNumber", idNumber.value())
				.param("phone", form.phone().strip())
				.update();
		}
		catch (DuplicateKeyException ex) {
			// The unique keys decide, so two simultaneous registrations cannot both succeed.
			throw new ProblemException(HttpStatus.CONFLICT, "identity.registration.duplicate");
		}
		events.publishEvent(new CitizenRegistered(username, idNumber));
		return username;
	}

	private ResidentIdNumber checked(RegistrationForm form) {
		List<FieldProblem> problems = new java.util.ArrayList<>(validation.problems(form));
		boolean idNumberMissing = problems.stream().anyMatch(p -> p.field().equals("idNumber"));
		if (!idNumberMissing) {
			ResidentIdNumber.check(form.idNumber()).ifPresent(defect -> problems.add(new FieldProblem("idNumber",
					"identity.id-number." + defect.name().toLowerCase().replace('_', '-'))));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ResidentIdNumber idNumber = ResidentIdNumber.parse(form.idNumber());
		IdentityMatch match = registry.match(idNumber, form.name());
		if (match == IdentityMatch.NO_SUCH_ID_NUMBER) {
			throw new InvalidInputException("idNumber", "identity.registration.not-in-registry");
		}
		if (match == IdentityMatch.NAME_DIFFERS) {
			throw new InvalidInputException("name", "identity.registration.name-differs");
		}
		return idNumber;
	}
}
