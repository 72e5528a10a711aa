package org.onestop.content;

import java.net.URI;
import java.util.Map;

import org.onestop.platform.NotFoundException;
import org.onestop.platform.PageNumber;
import org.onestop.shared.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notices for everyone to read, and for editors to write. */
@RestController
class NoticeApiController {

	private final Notices notices;

	NoticeApiController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/notices")
	Notices.NoticePage list(@RequestParam(required = false) String tag, PageNumber page) {
		return notices.published(tag, page.value(), Notices.PAGE_SIZE);
	}

	@GetMapping("/api/v1/notices/{id}")
	Notice notice(@PathVariable long id) {
		return notices.publishedNotice(id).orElseThrow(() -> new NotFoundException("content.notice.not-found"));
	}

	@PostMapping("/api/v1/notices")
	@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
	ResponseEntity<Notice> create(@RequestBody NoticeForm form, @AuthenticationPrincipal SignedInUser editor) {
		Notice notice = notices.create(editor.username(), editor.displayName(), form);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id())).body(notice);
	}

	@PutMapping("/api/v1/notices/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CONTENT_EDITOR')")
	Notice update(@PathVariable long id, @RequestBody NoticeForm form, @AuthenticationPrincipal SignedInUser editor) {
		return notices.update(editor.username(), id, form);
	}

}
