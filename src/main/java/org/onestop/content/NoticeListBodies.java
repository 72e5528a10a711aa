package org.onestop.content;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.onestop.platform.BodiesForEveryone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public list of notices, rendered once per notices revision, language, tag and page
 * and kept in this node's memory: a crowd reads the same list thousands of times between
 * two editors' changes, and reading it from the database each time cost more than all the
 * rest of the page.
 *
 * <p>
 * How fresh: the revision is a row a trigger raises with every change to
 * {@code content_notice} (migration {@code notice_revision}). This node reads it at most
 * once per {@code onestop.content.notice-recheck} (1 s), so another node's change shows
 * here within that; a change made through this node is seen at once (the revision is read
 * again after it commits). Notices have no start or end time of their own (published is
 * published until an editor withdraws it), so the list changes only with the revision.
 * Nothing per person is in a body: it is rendered by {@link BodiesForEveryone}. Bounded
 * by the characters kept, since tags in the query string are made up by visitors.
 */
@Component
class NoticeListBodies {

	private final NoticeStore store;

	private final BodiesForEveryone bodies;

	private final long recheckNanos;

	private final Cache<Key, String> rendered;

	private volatile Seen seen;

	/**
	 * Changes committed through this node, so that a revision read across one is not
	 * kept.
	 */
	private final AtomicLong invalidations = new AtomicLong();

	NoticeListBodies(NoticeStore store, BodiesForEveryone bodies,
			@Value("${onestop.content.notice-recheck:PT1S}") Duration recheck) {
		this.store = store;
		this.bodies = bodies;
		this.recheckNanos = recheck.toNanos();
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(16L * 1024 * 1024)
			.weigher((Key key, String html) -> 2 * (html.length() + key.tag().length()) + 256)
			.build();
	}

	/** Longer than any tag an editor can give a notice. */
	private static final int LONGEST_TAG = 30;

	private record Key(long revision, Locale locale, String tag, int page) {
	}

	/** The revision this node last read, and when (System.nanoTime). */
	private record Seen(long revision, long at) {
	}

	/**
	 * The body of the public list: this page of the notices of a tag (all when blank).
	 */
	String body(Locale locale, String tag, int page) {
		String asked = tag == null ? "" : tag.strip();
		if (!BodiesForEveryone.worthKeeping(locale) || asked.length() > LONGEST_TAG) {
			// No notice has a tag that long (NoticeForm): not worth a place in memory.
			return render(locale, asked, page);
		}
		return rendered.get(new Key(revision(), locale, asked, page), key -> render(locale, asked, page));
	}

	private long revision() {
		Seen last = seen;
		long now = System.nanoTime();
		if (last != null && now - last.at() < recheckNanos) {
			return last.revision();
		}
		long changes = invalidations.get();
		long revision = store.revision();
		// A change committed on this node while the revision was being read must not be
		// hidden for a second behind what was read before it.
		if (invalidations.get() == changes) {
			seen = new Seen(revision, now);
		}
		return revision;
	}

	/**
	 * Called inside a transaction that changes notices: once it commits, the next request
	 * reads the revision again instead of trusting the one seen less than a second ago.
	 */
	void changing() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					invalidations.incrementAndGet();
					seen = null;
				}
			});
		}
		else {
			invalidations.incrementAndGet();
			seen = null;
		}
	}

	private String render(Locale locale, String tag, int page) {
		int size = Notices.PAGE_SIZE;
		ContentPages.NoticeListPage model = new ContentPages.NoticeListPage(tag,
				new Notices.NoticePage(store.published(tag, page, size), store.countPublished(tag)), page, size);
		return bodies.render("content/notices-body.jte", locale, "/notices", model);
	}

}
