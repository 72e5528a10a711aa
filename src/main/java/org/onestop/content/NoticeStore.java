package org.onestop.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code content_notice} table: notices as editors store them and the public reads
 * them.
 */
@Component
class NoticeStore {

	private static final String SELECT = """
			SELECT id, title, summary, body_html, tags, department, author, status, released_at, updated_at
			FROM content_notice
			""";

	private static final String PUBLISHED_PAGE = SELECT + """
			WHERE status = :published ORDER BY released_at DESC, id DESC LIMIT :size OFFSET :offset""";

	private static final String PUBLISHED_COUNT = "SELECT count(*) FROM content_notice WHERE status = :published";

	private static final String TAGGED_PAGE = SELECT
			+ """
					WHERE status = :published AND :tag = ANY(tags) ORDER BY released_at DESC, id DESC LIMIT :size OFFSET :offset""";

	private static final String TAGGED_COUNT = """
			SELECT count(*) FROM content_notice WHERE status = :published AND :tag = ANY(tags)""";

	private static final String RELATED = SELECT + """
			WHERE status = :published AND id <> :id AND tags && CAST(:tags AS text[])
			ORDER BY cardinality(ARRAY(SELECT unnest(tags) INTERSECT SELECT unnest(CAST(:tags AS text[])))) DESC,
			         released_at DESC
			LIMIT :limit""";

	private final JdbcClient db;

	NoticeStore(JdbcClient db) {
		this.db = db;
	}

	/** One page of published notices, newest first; of one tag unless it is blank. */
	List<Notice> published(String tag, int page, int size) {
		boolean tagged = tag != null && !tag.isBlank();
		return db.sql(tagged ? TAGGED_PAGE : PUBLISHED_PAGE)
			.param("published", Notice.Status.PUBLISHED.name())
			.param("tag", tagged ? tag.strip() : "")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(NoticeStore::notice)
			.list();
	}

	long countPublished(String tag) {
		boolean tagged = tag != null && !tag.isBlank();
		return db.sql(tagged ? TAGGED_COUNT : PUBLISHED_COUNT)
			.param("published", Notice.Status.PUBLISHED.name())
			.param("tag", tagged ? tag.strip() : "")
			.query(Long.class)
			.single();
	}

	/**
	 * The notices' revision: a trigger raises it with every change to the table, in the
	 * same transaction.
	 */
	long revision() {
		return db.sql("SELECT revision FROM content_notice_revision").query(Long.class).single();
	}

	Optional<Notice> find(long id) {
		return db.sql(SELECT + "WHERE id = :id").param("id", id).query(NoticeStore::notice).optional();
	}

	/** The latest 500 notices, whatever their status. */
	List<Notice> latest() {
		return db.sql(SELECT + "ORDER BY updated_at DESC, id DESC LIMIT 500").query(NoticeStore::notice).list();
	}

	/**
	 * Published notices other than this one sharing the most of these tags, newest first.
	 */
	List<Notice> related(long id, List<String> tags, int limit) {
		return db.sql(RELATED)
			.param("published", Notice.Status.PUBLISHED.name())
			.param("id", id)
			.param("tags", tags.toArray(String[]::new))
			.param("limit", limit)
			.query(NoticeStore::notice)
			.list();
	}

	/** Stores a new notice, released now if it is published; answers its id. */
	long add(NoticeForm form, String bodyHtml, String author, Instant now) {
		return db
			.sql("""
					INSERT INTO content_notice (title, summary, body_html, tags, department, author, status, released_at, updated_at)
					VALUES (:title, :summary, :body, :tags, :department, :author, :status, :released, :now) RETURNING id""")
			.param("title", form.title().strip())
			.param("summary", form.summary().strip())
			.param("body", bodyHtml)
			.param("tags", form.tags().toArray(String[]::new))
			.param("department", form.department())
			.param("author", author)
			.param("status", form.status().name())
			.param("released", form.status() == Notice.Status.PUBLISHED ? Timestamp.from(now) : null)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Rewrites a notice, released now if it is published for the first time; false when
	 * there is none.
	 */
	boolean rewrite(long id, NoticeForm form, String bodyHtml, Instant now) {
		return db.sql("""
				UPDATE content_notice SET title = :title, summary = :summary, body_html = :body, tags = :tags,
				    department = coalesce(:department, department), status = :status, updated_at = :now,
				    released_at = CASE WHEN :status = :published THEN coalesce(released_at, :now) ELSE released_at END
				WHERE id = :id""")
			.param("title", form.title().strip())
			.param("summary", form.summary().strip())
			.param("body", bodyHtml)
			.param("tags", form.tags().toArray(String[]::new))
			.param("department", form.department())
			.param("status", form.status().name())
			.param("published", Notice.Status.PUBLISHED.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	private static Notice notice(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		Timestamp released = rs.getTimestamp("released_at");
		return new Notice(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("body_html"),
				Arrays.stream((Object[]) tags.getArray()).map(String.class::cast).toList(), rs.getString("department"),
				rs.getString("author"), Notice.Status.valueOf(rs.getString("status")),
				released == null ? null : released.toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
