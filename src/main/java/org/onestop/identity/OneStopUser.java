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
 * @param representedBy when a representative acts for this citizen (issue 15), who they
 * are and what they may do; null when the citizen acts for themselves
 */
public record OneStopUser(String username, String displayName, boolean staff, String idNumber, String departmentCode,
		Set<Role> roles, Representation representedBy) implements SignedInUser, AuthenticatedPrincipal, Serializable {

	public OneStopUser {
		roles = Set.copyOf(roles);
	}

	/** Someone acting for themselves. */
	public OneStopUser(String username, String displayName, boolean staff, String idNumber, String departmentCode,
			Set<Role> roles) {
		this(username, displayName, staff, idNumber, departmentCode, roles, null);
	}

	/** This citizen, acted for by a representative. */
	public OneStopUser actedForBy(Representation representative) {
		return new OneStopUser(username, displayName, staff, idNumber, departmentCode, Set.of(), representative);
	}

	/** Whether a representative is acting for this citizen in this request. */
	public boolean represented() {
		return representedBy != null;
	}

	/**
	 * Whether this request may act on the matter: always for oneself, within the mandate
	 * for a representative.
	 */
	public boolean mayActOn(String serviceCode) {
		return representedBy == null || representedBy.covers(serviceCode);
	}

	/** The username of whoever is really acting: the representative's, or one's own. */
	public String actor() {
		return representedBy == null ? username : representedBy.username();
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
