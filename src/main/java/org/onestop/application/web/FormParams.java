package org.onestop.application.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

/**
 * What a posted application form carries, read the same way by every page that takes one.
 */
final class FormParams {

	/** The prefix of the inputs that hold the form's fields ({@code f.<field>}). */
	static final String FIELD_PREFIX = "f.";

	private FormParams() {
	}

	/**
	 * The values typed into the form's fields, by field name; of a field posted twice,
	 * the last value.
	 */
	static Map<String, String> typed(MultiValueMap<String, String> params) {
		Map<String, String> typed = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
				typed.put(name.substring(FIELD_PREFIX.length()), values.get(values.size() - 1));
			}
		});
		return typed;
	}

	/** The vault documents ticked; anything that is not a document id is left out. */
	static List<UUID> documentIds(MultiValueMap<String, String> params) {
		List<UUID> ids = new ArrayList<>();
		for (String value : params.getOrDefault("documentIds", List.of())) {
			try {
				ids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ignored) {
				// Not one of the vault's ids: nothing to attach.
			}
		}
		return ids;
	}

}
