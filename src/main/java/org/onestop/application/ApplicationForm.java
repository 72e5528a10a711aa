package org.onestop.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a citizen sends to pre-check or submit an application.
 *
 * @param fields values the citizen typed; prefilled fields need not be sent (a different
 * value for one is a dispute)
 * @param draftId the draft to submit, when the citizen worked on one
 * @param explanation why the application should be considered despite what the pre-check
 * found
 */
public record ApplicationForm(String serviceCode, Map<String, String> fields, List<UUID> documentIds,
		String explanation, UUID draftId) {

	public ApplicationForm {
		fields = fields == null ? Map.of()
				: Map.copyOf(fields.entrySet()
					.stream()
					.filter(e -> e.getKey() != null && e.getValue() != null)
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
	}
}
