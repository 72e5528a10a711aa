package org.onestop.testdata;

/**
 * A resident with a citizen account, signed in through the API.
 *
 * @param token the bearer token of one sign-in
 */
public record Citizen(Resident resident, String username, String password, String token) {

	/** The value of an {@code Authorization} header for API calls as this citizen. */
	public String authorization() {
		return "Bearer " + token;
	}
}
