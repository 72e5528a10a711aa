package org.onestop.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onestop.shared.ContactChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversations and their transcripts ({@code assistant_conversation},
 * {@code assistant_message}, {@code assistant_matter}), one precise statement each. Every
 * change a listener shows raises the conversation's version.
 */
@Component
class ConversationStore {

	/**
	 * One line of a transcript. {@code author} is CITIZEN, ASSISTANT, AGENT or SYSTEM.
	 */
	record Line(long id, Instant at, String author, String text, String link) {
	}

	private final JdbcClient db;

	ConversationStore(JdbcClient db) {
		this.db = db;
	}

	void insert(UUID id, String channel, ContactChannel contact, String citizen, String citizenName, String ownerKey,
			String pool, String locale, Instant now) {
		insert(id, channel, contact, citizen, citizenName, ownerKey, null, pool, locale, now);
	}

	void insert(UUID id, String channel, ContactChannel contact, String citizen, String citizenName, String ownerKey,
			byte[] tokenHash, String pool, String locale, Instant now) {
		db.sql("""
				INSERT INTO assistant_conversation (id, channel, contact_channel, citizen, citizen_name, owner_key,
				  token_hash, pool, locale, started_at, last_seen_at)
				VALUES (:id, :channel, :contact, :citizen, :name, :key, :token, :pool, :locale, :now, :now)""")
			.param("id", id)
			.param("channel", channel)
			.param("contact", contact.name())
			.param("citizen", citizen)
			.param("name", citizenName)
			.param("key", ownerKey)
			.param("token", tokenHash)
			.param("pool", pool)
			.param("locale", locale)
			.param("now", ts(now))
			.update();
	}

	/** The device (owner key) of the anonymous conversation this token opens, if any. */
	Optional<String> ownerKeyOf(byte[] tokenHash) {
		return db.sql("""
				SELECT owner_key FROM assistant_conversation
				WHERE token_hash = :token AND channel = 'WEB' AND owner_key IS NOT NULL""")
			.param("token", tokenHash)
			.query(String.class)
			.optional();
	}

	Optional<Conversation> find(UUID id) {
		return db.sql("SELECT * FROM assistant_conversation WHERE id = :id")
			.param("id", id)
			.query(ConversationStore::map)
			.optional();
	}

	Optional<Conversation> lock(UUID id) {
		return db.sql("SELECT * FROM assistant_conversation WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(ConversationStore::map)
			.optional();
	}

	/** The owner is still there (polled or listened). */
	void seen(UUID id, Instant now) {
		db.sql("UPDATE assistant_conversation SET last_seen_at = :now, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("now", ts(now))
			.update();
	}

	/**
	 * The citizen asked for a person: a new request starts a new measurement, except one
	 * that follows a callback offer of this same request ({@code sameRequest}), which
	 * keeps the first time.
	 */
	void personRequested(UUID id, boolean sameRequest, Instant now) {
		db.sql(sameRequest ? """
				UPDATE assistant_conversation SET person_requested_at = coalesce(person_requested_at, :now),
				  version = version + 1 WHERE id = :id"""
				: "UPDATE assistant_conversation SET person_requested_at = :now, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("now", ts(now))
			.update();
	}

	/**
	 * Joins the pool's queue now, counting the citizen's messages since they asked for a
	 * person.
	 */
	void queue(UUID id, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET handoff = :queued, queued_at = :now, abandoned_at = NULL, agent = NULL,
				  connected_at = NULL, ended_at = NULL, outcome = NULL, messages_to_queue = (SELECT count(*) FROM assistant_message m
				    WHERE m.conversation_id = assistant_conversation.id AND m.author = 'CITIZEN'
				      AND m.at >= assistant_conversation.person_requested_at), version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("queued", Handoff.QUEUED.name())
			.param("now", ts(now))
			.update();
	}

	/**
	 * A queued citizen came back within the grace: they keep their place. A departure
	 * nobody marked yet is counted now, so that it is counted once.
	 */
	void keepPlace(UUID id, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET abandonments = abandonments + CASE WHEN abandoned_at IS NULL THEN 1 ELSE 0 END,
				  abandoned_at = NULL, returns = returns + 1, last_seen_at = :now, version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("now", ts(now))
			.update();
	}

	/**
	 * A queued citizen came back too late: they left the queue (counted once), and a
	 * person is offered again.
	 */
	void losePlace(UUID id, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET abandonments = abandonments + CASE WHEN abandoned_at IS NULL THEN 1 ELSE 0 END,
				  abandoned_at = coalesce(abandoned_at, :now), handoff = :offered, last_seen_at = :now, version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("offered", Handoff.OFFERED.name())
			.param("now", ts(now))
			.update();
	}

	/** Of two agents accepting at once exactly one wins: true for the winner. */
	boolean accept(UUID id, String agent, String pool, Instant now) {
		return db
			.sql("""
					UPDATE assistant_conversation SET handoff = :connected, agent = :a, connected_at = :now, version = version + 1
					WHERE id = :id AND pool = :p AND handoff = :queued AND abandoned_at IS NULL""")
			.param("connected", Handoff.CONNECTED.name())
			.param("a", agent)
			.param("now", ts(now))
			.param("id", id)
			.param("p", pool)
			.param("queued", Handoff.QUEUED.name())
			.update() == 1;
	}

	/** A phone call just inserted, as taken at once by the agent who logs it. */
	void connectCall(UUID id, String agent, String topic) {
		db.sql("""
				UPDATE assistant_conversation SET handoff = :connected, agent = :a, person_requested_at = started_at,
				  queued_at = started_at, connected_at = started_at, topic = :t WHERE id = :id""")
			.param("connected", Handoff.CONNECTED.name())
			.param("a", agent)
			.param("t", topic)
			.param("id", id)
			.update();
	}

	/**
	 * A callback is booked: the citizen leaves the queue (or the offer), and the
	 * request's first time is kept.
	 */
	void callbackScheduled(UUID id, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET handoff = :scheduled,
				  person_requested_at = coalesce(person_requested_at, :now), version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("scheduled", Handoff.CALLBACK_SCHEDULED.name())
			.param("now", ts(now))
			.update();
	}

	/**
	 * The agent ended the conversation (or logged a call) with an outcome;
	 * {@code complaint} is the complaint the outcome COMPLAINT_FILED points at, or null.
	 */
	void end(UUID id, AgentDesk.Outcome outcome, UUID complaint, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET handoff = :ended, ended_at = :now, outcome = :outcome,
				  complaint_id = :complaint, version = version + 1
				WHERE id = :id""")
			.param("id", id)
			.param("ended", Handoff.ENDED.name())
			.param("outcome", outcome.name())
			.param("complaint", complaint)
			.param("now", ts(now))
			.update();
	}

	/**
	 * The citizen's rating ends a conversation that never reached a person (no outcome:
	 * no agent gave one).
	 */
	void endWithoutPerson(UUID id, Instant now) {
		db.sql("UPDATE assistant_conversation SET handoff = :ended, ended_at = :now, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("ended", Handoff.ENDED.name())
			.param("now", ts(now))
			.update();
	}

	/** Whether the conversation helped, as the citizen says. */
	void rate(UUID id, boolean helpful, Instant now) {
		db.sql("""
				UPDATE assistant_conversation SET helpful = :helpful, rated_at = :now, version = version + 1
				WHERE id = :id""").param("id", id).param("helpful", helpful).param("now", ts(now)).update();
	}

	void handoff(UUID id, Handoff state) {
		db.sql("UPDATE assistant_conversation SET handoff = :s, version = version + 1 WHERE id = :id")
			.param("s", state.name())
			.param("id", id)
			.update();
	}

	void unconfident(UUID id, int count) {
		db.sql("UPDATE assistant_conversation SET unconfident = :n WHERE id = :id")
			.param("n", count)
			.param("id", id)
			.update();
	}

	void topic(UUID id, String topic) {
		db.sql("UPDATE assistant_conversation SET topic = :t WHERE id = :id AND topic IS NULL")
			.param("t", topic)
			.param("id", id)
			.update();
	}

	void claim(UUID id, String citizen, String name) {
		db.sql("UPDATE assistant_conversation SET citizen = :c, citizen_name = :n WHERE id = :id AND citizen IS NULL")
			.param("c", citizen)
			.param("n", name)
			.param("id", id)
			.update();
	}

	/**
	 * Where an anonymous caller joined the queue from (null for a citizen), for the
	 * per-address waiting limit.
	 */
	void queuedFrom(UUID id, String address) {
		db.sql("UPDATE assistant_conversation SET queued_from = :a WHERE id = :id")
			.param("a", address)
			.param("id", id)
			.update();
	}

	long say(UUID id, String author, String agent, String text, Instant now) {
		return say(id, author, agent, text, null, now);
	}

	long say(UUID id, String author, String agent, String text, String link, Instant now) {
		long line = db.sql("""
				INSERT INTO assistant_message (conversation_id, at, author, agent, text, link)
				VALUES (:id, :at, :author, :agent, :text, :link) RETURNING id""")
			.param("id", id)
			.param("at", ts(now))
			.param("author", author)
			.param("agent", agent)
			.param("text", text)
			.param("link", link)
			.query(Long.class)
			.single();
		db.sql("UPDATE assistant_conversation SET version = version + 1 WHERE id = :id").param("id", id).update();
		return line;
	}

	List<Line> lines(UUID id, long after) {
		return db
			.sql("""
					SELECT id, at, author, text, link FROM assistant_message WHERE conversation_id = :id AND id > :after ORDER BY id""")
			.param("id", id)
			.param("after", after)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	int citizenLines(UUID id) {
		return db.sql("SELECT count(*) FROM assistant_message WHERE conversation_id = :id AND author = 'CITIZEN'")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	void matters(UUID id, List<MatterSuggestion> matters, Instant now) {
		matters.forEach(m -> db.sql("""
				INSERT INTO assistant_matter (conversation_id, code, name, at) VALUES (:id, :code, :name, :at)
				ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("code", m.code())
			.param("name", m.name())
			.param("at", ts(now))
			.update());
	}

	/**
	 * The matters discussed, as code and name (the name in the language the conversation
	 * used).
	 */
	List<MatterSuggestion> matters(UUID id) {
		return db.sql("SELECT code, name FROM assistant_matter WHERE conversation_id = :id ORDER BY at, code")
			.param("id", id)
			.query((rs, n) -> new MatterSuggestion(rs.getString(1), rs.getString(2), null, false))
			.list();
	}

	/**
	 * The versions of these conversations, for live updates (one read for all of a node's
	 * listeners).
	 */
	Map<UUID, Long> versions(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return db.sql("SELECT id, version FROM assistant_conversation WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Their owners are there (listening): refreshes last-seen times older than
	 * {@code stale}.
	 */
	void present(Collection<UUID> ids, Instant now, Instant stale) {
		if (ids.isEmpty()) {
			return;
		}
		db.sql("""
				UPDATE assistant_conversation SET last_seen_at = :now
				WHERE id IN (:ids) AND abandoned_at IS NULL AND last_seen_at < :stale""")
			.param("now", ts(now))
			.param("ids", ids)
			.param("stale", ts(stale))
			.update();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Conversation map(ResultSet rs, int n) throws SQLException {
		Boolean helpful = rs.getObject("helpful") == null ? null : rs.getBoolean("helpful");
		return new Conversation(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("citizen"),
				rs.getString("citizen_name"), rs.getString("owner_key"), rs.getString("pool"), rs.getString("locale"),
				Handoff.valueOf(rs.getString("handoff")), rs.getInt("unconfident"), rs.getString("topic"),
				instant(rs, "started_at"), instant(rs, "last_seen_at"), instant(rs, "person_requested_at"),
				instant(rs, "queued_at"), instant(rs, "abandoned_at"), rs.getString("agent"),
				instant(rs, "connected_at"), instant(rs, "ended_at"), rs.getString("outcome"), helpful,
				rs.getLong("version"), rs.getBytes("token_hash"), rs.getObject("complaint_id", UUID.class),
				ContactChannel.valueOf(rs.getString("contact_channel")));
	}

}
