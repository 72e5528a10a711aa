package org.onestop.complaint;

import org.onestop.shared.AuditableEvent;

/** An administrator created or changed a complaint category. */
public record ComplaintCategoryChanged(String actor, String code) implements AuditableEvent {

	@Override
	public String action() {
		return "complaint.category.saved";
	}

	@Override
	public String subject() {
		return "complaint-category:" + code;
	}

	@Override
	public String summary() {
		return "category " + code;
	}

}
