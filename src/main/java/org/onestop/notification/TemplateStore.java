package org.onestop.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_kind} and {@code notification_template} tables. */
@Repository
class TemplateStore {

	private static final String TEMPLATE_COLUMNS = "template, channel, language, subject, body, html_body,"
			+ " provider_template_code, version, updated_by, updated_at";

	private final JdbcClient db;

	TemplateStore(JdbcClient db) {
		this.db = db;
	}

	record StoredTemplate(String template, Channel channel, String language, String subject, String body,
			String htmlBody, String providerTemplateCode, int version, String updatedBy, Instant updatedAt) {
	}

	/** A kind with the sample values its previews use, in each language. */
	record SampledKind(Kind kind, List<String> samplesZh, List<String> samplesEn) {
	}

	/** An inbox line written for a kind, with the kind it fills from. */
	record InboxTemplate(Kind kind, String body) {
	}

	Optional<Kind> kind(String template) {
		return db.sql("SELECT template, fields, topic, quiet_hours_exempt FROM notification_kind WHERE template = ?")
			.param(template)
			.query((rs, row) -> kind(rs))
			.optional();
	}

	List<SampledKind> kinds() {
		return db.sql("""
				SELECT template, fields, topic, quiet_hours_exempt, samples_zh, samples_en
				FROM notification_kind ORDER BY topic, template""")
			.query((rs, row) -> new SampledKind(kind(rs), strings(rs, "samples_zh"), strings(rs, "samples_en")))
			.list();
	}

	Optional<SampledKind> sampledKind(String template) {
		return db.sql("""
				SELECT template, fields, topic, quiet_hours_exempt, samples_zh, samples_en
				FROM notification_kind WHERE template = ?""")
			.param(template)
			.query((rs, row) -> new SampledKind(kind(rs), strings(rs, "samples_zh"), strings(rs, "samples_en")))
			.optional();
	}

	Optional<StoredTemplate> template(String template, Channel channel, String language) {
		return db
			.sql("SELECT " + TEMPLATE_COLUMNS
					+ " FROM notification_template WHERE template = ? AND channel = ? AND language = ?")
			.params(template, channel.name(), language)
			.query((rs, row) -> template(rs))
			.optional();
	}

	/** The kind's templates in one language, by channel: one query for every channel. */
	Map<Channel, StoredTemplate> templates(String template, String language) {
		Map<Channel, StoredTemplate> found = new EnumMap<>(Channel.class);
		db.sql("SELECT " + TEMPLATE_COLUMNS + " FROM notification_template WHERE template = ? AND language = ?")
			.params(template, language)
			.query((rs, row) -> template(rs))
			.list()
			.forEach(t -> found.put(t.channel(), t));
		return found;
	}

	List<StoredTemplate> templates() {
		return db.sql("SELECT " + TEMPLATE_COLUMNS + " FROM notification_template ORDER BY template, channel, language")
			.query((rs, row) -> template(rs))
			.list();
	}

	Map<String, InboxTemplate> inboxTemplates(Collection<String> templates, String language) {
		if (templates.isEmpty()) {
			return Map.of();
		}
		return db.sql("""
				SELECT k.template, k.fields, k.topic, k.quiet_hours_exempt, t.body
				FROM notification_template t JOIN notification_kind k ON k.template = t.template
				WHERE t.channel = 'INBOX' AND t.language = :language AND t.template IN (:templates)""")
			.param("language", language)
			.param("templates", templates)
			.query((rs, row) -> new InboxTemplate(kind(rs), rs.getString("body")))
			.list()
			.stream()
			.collect(Collectors.toMap(t -> t.kind().template(), t -> t));
	}

	/** Keeps a first template; false when one is there already (another edit won). */
	boolean insert(String template, Channel channel, String language, TemplateDraft draft, String by, Instant at) {
		return db.sql("""
				INSERT INTO notification_template (template, channel, language, subject, body, html_body,
				    provider_template_code, version, updated_by, updated_at)
				VALUES (:template, :channel, :language, :subject, :body, :html, :code, 1, :by, :at)
				ON CONFLICT (template, channel, language) DO NOTHING""")
			.params(params(template, channel, language, draft, by, at))
			.update() == 1;
	}

	/**
	 * Replaces the template if it is still at the version the editor saw; false when
	 * someone saved meanwhile (on any node), so that no edit is silently lost.
	 */
	boolean update(String template, Channel channel, String language, int version, TemplateDraft draft, String by,
			Instant at) {
		return db.sql("""
				UPDATE notification_template SET subject = :subject, body = :body, html_body = :html,
				    provider_template_code = :code, version = version + 1, updated_by = :by, updated_at = :at
				WHERE template = :template AND channel = :channel AND language = :language AND version = :version""")
			.params(params(template, channel, language, draft, by, at))
			.param("version", version)
			.update() == 1;
	}

	private static Map<String, Object> params(String template, Channel channel, String language, TemplateDraft draft,
			String by, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("template", template);
		params.put("channel", channel.name());
		params.put("language", language);
		params.put("subject", draft.subject());
		params.put("body", draft.body());
		params.put("html", draft.htmlBody());
		params.put("code", draft.providerTemplateCode());
		params.put("by", by);
		params.put("at", Timestamp.from(at));
		return params;
	}

	private static Kind kind(ResultSet rs) throws SQLException {
		return new Kind(rs.getString("template"), strings(rs, "fields"), Topic.valueOf(rs.getString("topic")),
				rs.getBoolean("quiet_hours_exempt"));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		return Arrays.stream((Object[]) rs.getArray(column).getArray()).map(String.class::cast).toList();
	}

	private static StoredTemplate template(ResultSet rs) throws SQLException {
		return new StoredTemplate(rs.getString("template"), Channel.valueOf(rs.getString("channel")),
				rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("html_body"),
				rs.getString("provider_template_code"), rs.getInt("version"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
