package org.onestop.identity;

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

}
