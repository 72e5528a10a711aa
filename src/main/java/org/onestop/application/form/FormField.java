package org.onestop.application.form;

import java.util.List;

import org.onestop.shared.LocalizedText;

/**
 * One field of an application form.
 *
 * @param name the key the value is sent under (a Java identifier, also the DMN variable
 * name)
 * @param source the registry data item that supplies it for the applicant
 * ({@code population.address}), or {@code identity.id_number} for the applicant's
 * verified ID number; null when the citizen types it
 */
public record FormField(String name, LocalizedText label, FieldType type, boolean required, Integer maxLength,
		String pattern, List<Option> options, String source) {

	public FormField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public boolean sourced() {
		return source != null && !source.isBlank();
	}

	/** One choice of a SELECT field. */
	public record Option(String value, LocalizedText label) {
	}

	/** What kind of value a field takes; each type carries its own check. */
	public enum FieldType {

		TEXT, TEXTAREA, DATE, NUMBER, ID_NUMBER, PHONE, BANK_ACCOUNT, SELECT, CONSENT

	}
}
