package org.onestop.catalog;

import org.onestop.shared.AuditableEvent;

/**
 * An editor changed the catalog: saved a matter version, published or withdrew a matter,
 * saved a life event or added synonyms. Every node's search index follows; the audit log
 * keeps the trace.
 *
 * @param change what happened, such as {@code matter.published}
 * @param code the matter or life event, or {@code synonyms}
 * @param version the matter version concerned, or 0
 */
public record CatalogChanged(String actor, String change, String code, int version) implements AuditableEvent {

	@Override
	public String action() {
		return "catalog." + change;
	}

	@Override
	public String subject() {
		return (change.startsWith("matter") ? "matter:" : change.startsWith("life-event") ? "life-event:" : "catalog:")
				+ code;
	}

	@Override
	public String summary() {
		return change + " " + code + (version > 0 ? " version " + version : "");
	}
}
