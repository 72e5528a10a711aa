package org.onestop.notification;

import org.onestop.shared.AuditableEvent;

/**
 * An administrator saved a message template: what citizens are told changed, so the audit
 * log keeps who did it and which version it became.
 */
public record TemplateChanged(String actor, String template, Channel channel, String language,
		int version) implements AuditableEvent {

	@Override
	public String action() {
		return "notification.template.saved";
	}

	@Override
	public String subject() {
		return "template:" + template + "/" + channel + "/" + language;
	}

	@Override
	public String summary() {
		return template + " " + channel + " (" + language + ") saved as version " + version;
	}

}
