package org.onestop.application.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onestop.registry.Accessor;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * Tell us once: what the registries hold for the applicant, read for the form's sourced
 * fields only, each read logged with the application it serves. A registry that holds
 * nothing simply leaves the field for the citizen to type.
 */
@Component
public class Prefill {

	private final Registries registries;

	Prefill(Registries registries) {
		this.registries = registries;
	}

	/** Field name to registry value, for the sourced fields a registry answered. */
	public Map<String, String> values(FormDefinition form, ResidentIdNumber applicant, String purpose) {
		List<FormField> sourced = form.fields().stream().filter(FormField::sourced).toList();
		Set<String> items = sourced.stream()
			.map(FormField::source)
			.filter(s -> !Forms.OWN_ID_NUMBER.equals(s))
			.collect(Collectors.toSet());
		Map<String, String> read = items.isEmpty() ? Map.of()
				: registries.read(applicant, items, Accessor.system(), purpose);
		Map<String, String> values = new LinkedHashMap<>();
		for (FormField field : sourced) {
			String value = Forms.OWN_ID_NUMBER.equals(field.source()) ? applicant.value() : read.get(field.source());
			if (value != null && !value.isBlank()) {
				values.put(field.name(), value);
			}
		}
		return values;
	}

	public static String purpose(String serviceCode, UUID application) {
		return "申请 " + serviceCode + " application " + application;
	}

	public static String precheckPurpose(String serviceCode) {
		return "预审 " + serviceCode + " pre-check";
	}

}
