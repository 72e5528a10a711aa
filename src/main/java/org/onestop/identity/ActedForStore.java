package org.onestop.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code identity_acted_for}: what representatives did for a citizen,
 * append-only.
 */
@Repository
class ActedForStore {

	private static final String APPEND = """
			INSERT INTO identity_acted_for (at, grantor, representative, representative_name, kind, mandate_id, what,
			    arguments, link)
			VALUES (:at, :grantor, :rep, :name, :kind, :mandate, :what, :args::jsonb, :link)""";

	private static final String PAGE = """
			SELECT at, representative, representative_name, kind, mandate_id, what, arguments::text, link
			FROM identity_acted_for WHERE grantor = :grantor ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient db;

	private final ObjectMapper json;

	ActedForStore(JdbcClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	void append(Instant at, String grantor, Representation rep, String what, List<String> arguments, String link) {
		db.sql(APPEND)
			.param("at", Timestamp.from(at))
			.param("grantor", grantor)
			.param("rep", rep.username())
			.param("name", rep.displayName())
			.param("kind", rep.kind().name())
			.param("mandate", rep.mandateId())
			.param("what", what)
			.param("args", write(arguments))
			.param("link", link)
			.update();
	}

	/**
	 * One page, newest first; one row more than asked tells whether another page follows.
	 */
	List<ActedFor.Entry> page(String grantor, int limit, int offset) {
		return db.sql(PAGE)
			.param("grantor", grantor)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new ActedFor.Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					Representation.Kind.valueOf(rs.getString(4)), rs.getString(6), read(rs.getString(7)),
					rs.getString(8)))
			.list();
	}

	private String write(List<String> arguments) {
		try {
			return json.writeValueAsString(arguments);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> read(String text) {
		try {
			return json.readValue(text, STRINGS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
