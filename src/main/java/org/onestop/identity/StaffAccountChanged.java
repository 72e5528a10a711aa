package org.onestop.identity;

import java.util.Set;

import org.onestop.shared.AuditableEvent;

/** An administrator created or changed a staff account. */
public record StaffAccountChanged(String administrator, String username, String department, Set<Role> roles,
		boolean enabled, boolean created) implements AuditableEvent {

	@Override
	public String actor() {
		return administrator;
	}

	@Override
	public String action() {
		return created ? "identity.staff.created" : "identity.staff.changed";
	}

	@Override
	public String subject() {
		return "account:" + username;
	}

	@Override
	public String summary() {
		return "staff " + username + " in " + department + " with roles " + roles.stream().sorted().toList()
				+ (enabled ? "" : " (disabled)");
	}
}
