package org.onestop.identity;

import java.util.List;

/** A staff account as administrators list it. */
public record StaffMember(String username, String displayName, String department, List<Role> roles, boolean enabled) {
}
