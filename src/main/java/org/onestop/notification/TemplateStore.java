package org.onestop.notification;

import java.sql.Array;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_kind} and {@code notification_template} tables. */
@Repository
class TemplateStore {

	private final JdbcClient db;

	TemplateStore(JdbcClient db) {
		this.db = db;
	}

	record StoredTemplate(String template, Channel channel, String language, String subject, String body,
			String htmlBody, String providerTemplateCode, int version) {
	}

	Optional<Kind> kind(String template) {
		return db.sql("SELECT template, fields, topic, quiet_hours_exempt FROM notification_kind WHERE template = ?")
			.param(template)
			.query((rs, row) -> {
				Array fields = rs.getArray("fields");
				return new Kind(rs.getString("template"),
						Arrays.stream((Object[]) fields.getArray()).map(String.class::cast).toList(),
						Topic.valueOf(rs.getString("topic")), rs.getBoolean("quiet_hours_exempt"));
			})
			.optional();
	}

	Optional<StoredTemplate> template(String template, Channel channel, String language) {
		return db.sql("""
				SELECT template, channel, language, subject, body, html_body, provider_template_code, version
				FROM notification_template WHERE template = ? AND channel = ? AND language = ?""")
			.params(template, channel.name(), language)
			.query((rs, row) -> new StoredTemplate(rs.getString("template"), Channel.valueOf(rs.getString("channel")),
					rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("html_body"),
					rs.getString("provider_template_code"), rs.getInt("version")))
			.optional();
	}

}
