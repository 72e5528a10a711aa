package org.onestop.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Public notices: what the public may read, and what editors write. */
@Service
public class Notices {

	private static final String COLUMNS = "id, title, summary, body_html, tags, department, author, status, released_at, updated_at";

	private final JdbcClient db;
	private final FormValidation validation;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Notices(JdbcClient db, FormValidation validation, ApplicationEventPublisher events, Clock clock) {
		this.db = db;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	/** One page of published notices, newest first, and how many there are. */
	public record NoticePage(List<Notice> items, long total) {
	}

	public NoticePage published(String tag, int page, int size) {
		String where = "status = 'PUBLISHED'" + (tag == null || tag.isBlank() ? "" : " AND :tag = ANY(tags)");
		List<Notice> items = db.sql("SELECT " + COLUMNS + " FROM content_notice WHERE " + where
				+ " ORDER BY released_at DESC, id DESC LIMIT :size OFFSET :offset")
			.param("tag", tag == null ? "" : tag.strip()).param("size", size).param("offset", (long) page * size)
			.query(Notices::notice).list();
		long total = db.sql("SELECT count(*) FROM content_notice WHERE " + where)
			.param("tag", tag == null ? "" : tag.strip()).query(Long.class).single();
		return new NoticePage(items, total);
	}

	public Optional<Notice> publishedNotice(long id) {
		return find(id).filter(Notice::published);
	}

	/** Any notice, whatever its status: for editors. */
	public Optional<Notice> find(long id) {
		return db.sql("SELECT " + COLUMNS + " FROM content_notice WHERE id = :id").param("id", id)
			.query(Notices::notice).optional();
	}

	public List<Notice> all() {
		return db.sql("SELECT " + COLUMNS + " FROM content_notice ORDER BY updated_at DESC, id DESC LIMIT 500")
			.query(Notices::notice).list();
	}

	/** Published notices sharing the most tags with this one, newest first. */
	public List<Notice> related(Notice notice, int limit) {
		if (notice.tags().isEmpty()) {
			return List.of();
		}
		return db.sql("SELECT " + COLUMNS + " " + """
				 FROM content_notice
				 WHERE status = 'PUBLISHED' AND id <> :id AND tags && CAST(:tags AS text[])
				 ORDER BY cardinality(ARRAY(SELECT unnest(tags) INTERSECT SELECT unnest(CAST(:tags AS text[])))) DESC,
				          released_at DESC
				 LIMIT :limit""")
			.param("id", notice.id()).param("tags", notice.tags().toArray(String[]::new)).param("limit", limit)
			.query(Notices::notice).list();
	}

	@Transactional
	public Notice create(String actor, String author, NoticeForm form) {
		check(form);
		Instant now = clock.instant();
		long id = db.sql("""
				INSERT INTO content_notice (title, summary, body_html, tags, department, author, status, released_at, updated_at)
				VALUES (:title, :summary, :body, :tags, :department, :author, :status, :released, :now) RETURNING id""")
			.param("title", form.title().strip()).param("summary", form.summary().strip())
			.param("body", HtmlSanitizer.sanitize(form.body())).param("tags", form.tags().toArray(String[]::new))
			.param("department", form.department()).param("author", author).param("status", form.status().name())
			.param("released", form.status() == Notice.Status.PUBLISHED ? Timestamp.from(now) : null)
			.param("now", Timestamp.from(now))
			.query(Long.class).single();
		events.publishEvent(new NoticeChanged(actor, id, form.status().name(), true));
		return find(id).orElseThrow();
	}

	@Transactional
	public Notice update(String editor, long id, NoticeForm form) {
		check(form);
		Instant now = clock.instant();
		int updated = db.sql("""
				UPDATE content_notice SET title = :title, summary = :summary, body_html = :body, tags = :tags,
				    department = coalesce(:department, department), status = :status, updated_at = :now,
				    released_at = CASE WHEN :status = 'PUBLISHED' THEN coalesce(released_at, :now) ELSE released_at END
				WHERE id = :id""")
			.param("title", form.title().strip()).param("summary", form.summary().strip())
			.param("body", HtmlSanitizer.sanitize(form.body())).param("tags", form.tags().toArray(String[]::new))
			.param("department", form.department()).param("status", form.status().name())
			.param("now", Timestamp.from(now)).param("id", id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("content.notice.not-found");
		}
		events.publishEvent(new NoticeChanged(editor, id, form.status().name(), false));
		return find(id).orElseThrow();
	}

	private void check(NoticeForm form) {
		List<FieldProblem> problems = new ArrayList<>(validation.problems(form));
		if (problems.isEmpty() && HtmlSanitizer.sanitize(form.body()).replaceAll("<[^>]*>", "").isBlank()) {
			problems.add(new FieldProblem("body", "content.notice.body.empty-after-cleaning"));
		}
		if (!problems.isEmpty()) {
			java.util.Map<String, FieldProblem> firstPerField = new java.util.LinkedHashMap<>();
			problems.forEach(p -> firstPerField.putIfAbsent(p.field(), p));
			throw new InvalidInputException(List.copyOf(firstPerField.values()));
		}
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
