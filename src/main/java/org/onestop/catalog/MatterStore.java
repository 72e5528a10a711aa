package org.onestop.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's tables: matters, their frozen versions, life events and the change log.
 */
@Component
class MatterStore {

	private static final String SELECT = """
			SELECT m.code, v.version, m.status, v.saved_at, v.definition::text AS definition
			FROM catalog_matter m JOIN catalog_matter_version v ON v.code = m.code
			""";

	private static final String EDITORIAL = """
			SELECT m.published_version, m.code, v.version, m.status, v.saved_at, v.definition::text AS definition
			FROM catalog_matter m JOIN catalog_matter_version v ON v.code = m.code
			WHERE v.version = m.latest_version ORDER BY m.code""";

	private final JdbcClient db;

	private final ObjectMapper json;

	MatterStore(JdbcClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Stores a new version (a draft until published) and answers its number. */
	int saveVersion(MatterDefinition definition, String actor, Instant now) {
		int version = db.sql("""
				INSERT INTO catalog_matter (code, department, status, latest_version, updated_at)
				VALUES (:code, :department, :draft, 1, :now)
				ON CONFLICT (code) DO UPDATE SET latest_version = catalog_matter.latest_version + 1,
				    department = EXCLUDED.department, updated_at = EXCLUDED.updated_at
				RETURNING latest_version""")
			.param("code", definition.code())
			.param("department", definition.department())
			.param("draft", Matter.Status.DRAFT.name())
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
		db.sql("""
				INSERT INTO catalog_matter_version (code, version, definition, saved_at, saved_by)
				VALUES (:code, :version, CAST(:definition AS jsonb), :now, :actor)""")
			.param("code", definition.code())
			.param("version", version)
			.param("definition", write(definition))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
		return version;
	}

	/**
	 * @return false when there is no such version
	 */
	boolean publish(String code, int version, Instant now) {
		return db
			.sql("""
					UPDATE catalog_matter SET status = :published, published_version = :version, updated_at = :now
					WHERE code = :code AND EXISTS (SELECT 1 FROM catalog_matter_version WHERE code = :code AND version = :version)""")
			.param("code", code)
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("published", Matter.Status.PUBLISHED.name())
			.update() == 1;
	}

	/**
	 * @return false when there is no such matter
	 */
	boolean withdraw(String code, Instant now) {
		return db.sql("""
				UPDATE catalog_matter SET status = :withdrawn, published_version = NULL, updated_at = :now
				WHERE code = :code""")
			.param("code", code)
			.param("now", Timestamp.from(now))
			.param("withdrawn", Matter.Status.WITHDRAWN.name())
			.update() == 1;
	}

	boolean exists(String code) {
		return db.sql("SELECT count(*) FROM catalog_matter WHERE code = :code")
			.param("code", code)
			.query(Integer.class)
			.single() > 0;
	}

	/** Department of each known matter among these codes, whatever its status. */
	Map<String, String> departments(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return db.sql("SELECT code, department FROM catalog_matter WHERE code IN (:codes)")
			.param("codes", codes)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	Optional<Matter> published(String code) {
		return db.sql(SELECT + " WHERE m.code = :code AND v.version = m.published_version")
			.param("code", code)
			.query(this::matter)
			.optional();
	}

	List<Matter> published(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return db.sql(SELECT + " WHERE m.code IN (:codes) AND v.version = m.published_version")
			.param("codes", codes)
			.query(this::matter)
			.list();
	}

	List<Matter> allPublished() {
		return db.sql(SELECT + " WHERE v.version = m.published_version ORDER BY m.code").query(this::matter).list();
	}

	Optional<Matter> version(String code, int version) {
		return db.sql(SELECT + " WHERE m.code = :code AND v.version = :version")
			.param("code", code)
			.param("version", version)
			.query(this::matter)
			.optional();
	}

	/** The latest version of a matter, whatever its status. */
	Optional<Matter> latest(String code) {
		return db.sql(SELECT + " WHERE m.code = :code AND v.version = m.latest_version")
			.param("code", code)
			.query(this::matter)
			.optional();
	}

	/**
	 * The latest version of every matter, published or not, with the published version
	 * number: what editors see.
	 */
	List<EditorialEntry> editorial() {
		return db.sql(EDITORIAL)
			.query((rs, n) -> new EditorialEntry(matter(rs, n), (Integer) rs.getObject("published_version")))
			.list();
	}

	/**
	 * Records that these matters changed. The revision row stays locked until the
	 * transaction ends, so revisions become visible in order.
	 */
	long recordChange(Change.Kind kind, Collection<String> codes) {
		long revision = db.sql("UPDATE catalog_revision SET revision = revision + 1 RETURNING revision")
			.query(Long.class)
			.single();
		for (String code : codes) {
			db.sql("INSERT INTO catalog_change (revision, kind, code) VALUES (:revision, :kind, :code) ON CONFLICT DO NOTHING")
				.param("revision", revision)
				.param("kind", kind.name())
				.param("code", code)
				.update();
		}
		return revision;
	}

	long revision() {
		return db.sql("SELECT revision FROM catalog_revision").query(Long.class).single();
	}

	/** Changes after the given revision, up to {@code upTo}. */
	List<Change> changes(long after, long upTo) {
		return db.sql("SELECT DISTINCT kind, code FROM catalog_change WHERE revision > :after AND revision <= :upTo")
			.param("after", after)
			.param("upTo", upTo)
			.query((rs, n) -> new Change(Change.Kind.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
	}

	/**
	 * One entry of the change log: what kind of thing changed, and its code
	 * ({@code synonyms} for synonyms).
	 */
	record Change(Kind kind, String code) {

		enum Kind {

			MATTER, LIFE_EVENT, SYNONYMS

		}
	}

	private Matter matter(ResultSet rs, int row) throws SQLException {
		return new Matter(rs.getString("code"), rs.getInt("version"), Matter.Status.valueOf(rs.getString("status")),
				rs.getTimestamp("saved_at").toInstant(), read(rs.getString("definition"), MatterDefinition.class));
	}

	String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not serialisable: " + ex.getOriginalMessage(), ex);
		}
	}

	<T> T read(String text, Class<T> type) {
		try {
			return json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored catalog JSON does not read back: " + ex.getOriginalMessage(), ex);
		}
	}

}
