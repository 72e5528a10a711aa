package org.onestop.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules may ask about staff accounts without reading identity's tables. */
@Service
public class StaffDirectory {

	private final JdbcClient db;

	StaffDirectory(JdbcClient db) {
		this.db = db;
	}

	public boolean isStaff(String username) {
		return db.sql("SELECT count(*) FROM identity_account WHERE username = :u AND kind = 'STAFF' AND enabled")
			.param("u", username).query(Integer.class).single() > 0;
	}
}
