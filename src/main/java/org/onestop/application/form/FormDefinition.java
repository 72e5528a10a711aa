package org.onestop.application.form;

import java.util.List;
import java.util.Optional;

/**
 * The form of one matter version, as data.
 *
 * @param decisionTable the DMN decision that pre-checks eligibility;
 * {@code precheck-<code>} when absent
 */
public record FormDefinition(String serviceCode, List<FormField> fields, String decisionTable) {

	public FormDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	public Optional<FormField> field(String name) {
		return fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	public String decisionKey() {
		return decisionTable == null || decisionTable.isBlank() ? "precheck-" + serviceCode : decisionTable;
	}
}
