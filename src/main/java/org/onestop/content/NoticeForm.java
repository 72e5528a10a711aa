package org.onestop.content;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes. The body may contain HTML; whatever is unsafe is removed before
 * storing.
 */
public record NoticeForm(
		@NotBlank(message = "content.notice.title.required") @Size(max = 200,
				message = "content.notice.title.too-long") String title,
		@NotBlank(message = "content.notice.summary.required") @Size(max = 500,
				message = "content.notice.summary.too-long") String summary,
		@NotBlank(message = "content.notice.body.required") @Size(max = 100_000,
				message = "content.notice.body.too-long") String body,
		@Size(max = 10,
				message = "content.notice.tags.too-many") List<@NotBlank(message = "content.notice.tags.blank") @Size(
						max = 30, message = "content.notice.tags.too-long") String> tags,
		String department, @NotNull(message = "content.notice.status.required") Notice.Status status) {

	public NoticeForm {
		tags = tags == null ? List.of() : tags.stream().map(t -> t == null ? null : t.strip()).distinct().toList();
	}
}
