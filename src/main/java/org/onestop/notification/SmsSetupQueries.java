package org.onestop.notification;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What {@link SmsSetup} reads of the templates. */
@Repository
class SmsSetupQueries {

	private final JdbcClient db;

	SmsSetupQueries(JdbcClient db) {
		this.db = db;
	}

	/**
	 * SMS templates a provider would refuse: no approved template code, as "kind
	 * (language)".
	 */
	List<String> withoutProviderCode() {
		return db.sql("""
				SELECT template || ' (' || language || ')' FROM notification_template
				WHERE channel = 'SMS' AND (provider_template_code IS NULL OR btrim(provider_template_code) = '')
				ORDER BY template, language""").query(String.class).list();
	}

}
