package org.onestop.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/** What the notice pages show; public because the compiled templates read them. */
public final class ContentPages {

	private ContentPages() {
	}

	/** Published notices, optionally of one tag. */
	public record NoticeListPage(String tag, Notices.NoticePage notices, int page, int size) {

		public boolean hasNext() {
			return (long) (page + 1) * size < notices.total();
		}

		public String link(int toPage) {
			return UriComponentsBuilder.fromPath("/notices")
				.queryParamIfPresent("tag", Optional.ofNullable(tag).filter(t -> !t.isBlank()))
				.queryParam("page", toPage)
				.encode()
				.toUriString();
		}
	}

	/** One article and its related articles. */
	public record NoticePage(Notice notice, List<Notice> related) {
	}

	/** The editors' list of every notice. */
	public record NoticeAdminPage(List<Notice> notices) {
	}

	/**
	 * The editor's form for a new or existing notice, with the errors beside the fields.
	 */
	public record NoticeEditPage(Long id, NoticeForm form, String tagsText, Map<String, String> errors) {

		/** An empty draft. */
		static NoticeEditPage blank() {
			return new NoticeEditPage(null, new NoticeForm("", "", "", List.of(), null, Notice.Status.DRAFT), "",
					Map.of());
		}

		/** A stored notice, as it is now. */
		static NoticeEditPage of(Notice notice) {
			return new NoticeEditPage(notice.id(), new NoticeForm(notice.title(), notice.summary(), notice.bodyHtml(),
					notice.tags(), notice.department(), notice.status()), String.join(", ", notice.tags()), Map.of());
		}

		public String action() {
			return id == null ? "/admin/notices" : "/admin/notices/" + id;
		}
	}

}
