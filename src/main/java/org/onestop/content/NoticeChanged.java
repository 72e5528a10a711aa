package org.onestop.content;

import org.onestop.shared.AuditableEvent;

/** An editor created or changed a notice (its status says whether it is now public). */
public record NoticeChanged(String actor, long id, String status, boolean created) implements AuditableEvent {

	@Override
	public String action() {
		return created ? "content.notice.created" : "content.notice.changed";
	}

	@Override
	public String subject() {
		return "notice:" + id;
	}

	@Override
	public String summary() {
		return (created ? "notice created" : "notice changed") + ", now " + status;
	}
}
