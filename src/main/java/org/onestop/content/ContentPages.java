package org.onestop.content;

import java.util.List;
import java.util.Map;

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
			return org.springframework.web.util.UriComponentsBuilder.fromPath("/notices")
				.queryParamIfPresent("tag", java.util.Optional.ofNullable(tag).filter(t -> !t.isBlank()))
				.queryParam("page", toPage).encode().toUriString();
		}
	}

	/** One article and its related articles. */
	public record NoticePage(Notice notice, List<Notice> related) {
	}

	/** The editors' list of every notice. */
	public record NoticeAdminPage(List<Notice> notices) {
	}

	/** The editor's form for a new or existing notice, with the errors beside the fields. */
	public record NoticeEditPage(Long id, NoticeForm form, String tagsText, Map<String, String> errors) {

		public String action() {
			return id == null ? "/admin/notices" : "/admin/notices/" + id;
		}
	}
}
