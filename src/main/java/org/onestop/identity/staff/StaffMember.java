package org.onestop.identity.staff;

import java.util.List;

import org.onestop.identity.Role;

/** A staff account as administrators list it. */
public record StaffMember(String username, String displayName, String department, List<Role> roles, boolean enabled) {
}
