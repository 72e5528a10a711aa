package org.onestop.identity;

import java.util.List;

import org.springframework.stereotype.Service;

/** What other modules may ask about staff accounts without reading identity's tables. */
@Service
public class StaffDirectory {

	private final DirectoryStore store;

	StaffDirectory(DirectoryStore store) {
		this.store = store;
	}

	public boolean isStaff(String username) {
		return store.isActiveStaff(username);
	}

	/**
	 * The active staff of a department who hold a role, by username: whom a complaint's
	 * warning or escalation is sent to.
	 */
	public List<String> holders(String department, Role role) {
		return store.holders(department, role);
	}

}
