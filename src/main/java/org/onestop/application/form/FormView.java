package org.onestop.application.form;

import java.util.List;
import java.util.UUID;

import org.onestop.shared.LocalizedText;

/**
 * A form as the citizen receives it: every field with its value and where the value came
 * from.
 *
 * @param prefilledShare the share of fields that arrived prefilled, 0 to 1
 */
public record FormView(String serviceCode, LocalizedText matterName, int matterVersion, int formRevision, UUID draftId,
		List<Field> fields, List<RequiredDocument> documents, List<UUID> documentIds, String explanation,
		double prefilledShare) {

	/**
	 * @param source the registry data item that supplied the value; null when the citizen
	 * types it
	 * @param sourceLabel what that data item is called, and {@code sourceDepartment} who
	 * keeps it
	 * @param readOnly prefilled values cannot be typed over: the citizen disputes them
	 * instead
	 * @param disputed the citizen says the registry value is wrong; {@code value} is
	 * theirs
	 */
	public record Field(String name, LocalizedText label, FormField.FieldType type, boolean required,
			List<FormField.Option> options, String value, String source, LocalizedText sourceLabel,
			String sourceDepartment, boolean readOnly, boolean disputed, String registryValue) {
	}

	/**
	 * A document the matter needs and how it arrives; only CITIZEN_UPLOADS ones are asked
	 * of the citizen.
	 */
	public record RequiredDocument(String key, LocalizedText name, String provision) {
	}
}
