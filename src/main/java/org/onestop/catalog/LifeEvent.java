package org.onestop.catalog;

import java.util.List;

import org.onestop.shared.LocalizedText;

/**
 * A life event ("one thing, done once"): the matters it involves, in the order a citizen
 * does them, and those that can be applied for together in one bundle.
 */
public record LifeEvent(String code, LocalizedText name, LocalizedText description, List<String> matters,
		List<String> bundle) {

	public LifeEvent {
		matters = matters == null ? List.of() : List.copyOf(matters);
		bundle = bundle == null ? List.of() : List.copyOf(bundle);
	}
}
