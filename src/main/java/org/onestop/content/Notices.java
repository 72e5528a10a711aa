package org.onestop.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.platform.FormValidation;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Public notices: what the public may read, and what editors write. */
@Service
public class Notices {

	/** How many notices one page of the public list shows. */
	static final int PAGE_SIZE = 10;

	private final NoticeStore store;

	private final FormValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NoticeListBodies listBodies;

	Notices(NoticeStore store, FormValidation validation, ApplicationEventPublisher events, Clock clock,
			NoticeListBodies listBodies) {
		this.store = store;
		this.listBodies = listBodies;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	/** One page of published notices, newest first, and how many there are. */
	public record NoticePage(List<Notice> items, long total) {
	}

	public NoticePage published(String tag, int page, int size) {
		return new NoticePage(store.published(tag, page, size), store.countPublished(tag));
	}

	public Optional<Notice> publishedNotice(long id) {
		return find(id).filter(Notice::published);
	}

	/** Any notice, whatever its status: for editors. */
	public Optional<Notice> find(long id) {
		return store.find(id);
	}

	public List<Notice> all() {
		return store.latest();
	}

	/** Published notices sharing the most tags with this one, newest first. */
	public List<Notice> related(Notice notice, int limit) {
		if (notice.tags().isEmpty()) {
			return List.of();
		}
		return store.related(notice.id(), notice.tags(), limit);
	}

	@Transactional
	public Notice create(String actor, String author, NoticeForm form) {
		check(form);
		listBodies.changing();
		long id = store.add(form, HtmlSanitizer.sanitize(form.body()), author, clock.instant());
		events.publishEvent(new NoticeChanged(actor, id, form.status().name(), true));
		return find(id).orElseThrow();
	}

	@Transactional
	public Notice update(String editor, long id, NoticeForm form) {
		check(form);
		listBodies.changing();
		if (!store.rewrite(id, form, HtmlSanitizer.sanitize(form.body()), clock.instant())) {
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
			Map<String, FieldProblem> firstPerField = new LinkedHashMap<>();
			problems.forEach(p -> firstPerField.putIfAbsent(p.field(), p));
			throw new InvalidInputException(List.copyOf(firstPerField.values()));
		}
	}

}
