package org.onestop.identity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.onestop.shared.SignedInUser;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person as every request sees them. Kept in the (database-backed) web
 * session, so it is serialisable.
 *
 * @param idNumber the citizen's resident ID number; null for staff
 * @param departmentCode the staff member's department; null for citizens
 */
public record OneStopUser(String username, String displayName, boolean staff, String idNumber, String departmentCode,
		Set<Role> roles) implements SignedInUser, AuthenticatedPrincipal, Serializable {

	public OneStopUser {
		roles = Set.copyOf(roles);
	}

	/**
	 * The username, which Spring Security and Spring Session take as the principal's
	 * name; without it they would use {@link #toString()}, too long for the session
	 * table's index and carrying the ID number.
	 */
	@Override
	public String getName() {
		return username;
	}

	@Override
	public String department() {
		return departmentCode;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * What Spring Security checks: {@code ROLE_STAFF} or {@code ROLE_CITIZEN}, and one
	 * per role.
	 */
	public List<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(staff ? "ROLE_STAFF" : "ROLE_CITIZEN"));
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		return authorities;
	}
}
