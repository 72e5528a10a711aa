package org.onestop.testdata;

import org.onestop.identity.DemoTexts;
import org.onestop.platform.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registers residents as citizens through both steps of the real registration (with the
 * code the demo's stand-in for the SMS gateway kept) and signs them in.
 */
public class Accounts {

	/**
	 * Long enough for the password rule; every test citizen has it, as it guards nothing
	 * here.
	 */
	public static final String PASSWORD = "long-enough-1";

	private final MockMvc mvc;

	private final Residents residents;

	private final JdbcClient db;

	public Accounts(MockMvc mvc, Residents residents, JdbcClient db) {
		this.mvc = mvc;
		this.residents = residents;
		this.db = db;
	}

	/**
	 * Registers the resident (who must have a phone in the registry) with
	 * {@link #PASSWORD} and signs them in.
	 */
	public Citizen register(Resident resident) throws Exception {
		return register(resident, PASSWORD);
	}

	/**
	 * Registers the resident (who must have a phone in the registry) with this password
	 * and signs them in.
	 */
	public Citizen register(Resident resident, String password) throws Exception {
		var response = DemoTexts.register(mvc, db, resident.name(), resident.idNumber().value(), password)
			.andReturn()
			.getResponse();
		if (response.getStatus() != 201) {
			throw new AssertionError("Registering " + resident.idNumber() + " answered " + response.getStatus() + ": "
					+ response.getContentAsString());
		}
		return new Citizen(resident, resident.username(), password, Tokens.of(mvc, resident.username(), password));
	}

	/** A new elder (see {@link Residents#elder()}) with a citizen account. */
	public Citizen elder() throws Exception {
		return register(residents.elder());
	}

}
