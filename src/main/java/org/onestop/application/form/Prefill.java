package org.onestop.application.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

import org.onestop.registry.Accessor;
import org.onestop.registry.Registries;
import org.onestop.platform.Messages;
import org.onestop.shared.LocalizedText;
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

	private final Messages messages;

	Prefill(Registries registries, Messages messages) {
		this.registries = registries;
		this.messages = messages;
	}

	/** Field name to registry value, for the sourced fields a registry answered. */
	public Map<String, String> values(FormDefinition form, ResidentIdNumber applicant, String purpose) {
		return values(form, applicant, Accessor.system(), purpose);
	}

	/**
	 * As {@link #values(FormDefinition, ResidentIdNumber, String)}, read by someone named
	 * (a clerk filing for the citizen at a counter, a hotline agent preparing an
	 * application from a call, a representative acting for the applicant), whom "who used
	 * my data" then shows.
	 */
	public Map<String, String> values(FormDefinition form, ResidentIdNumber applicant, Accessor accessor,
			String purpose) {
		List<FormField> sourced = form.fields().stream().filter(FormField::sourced).toList();
		Set<String> items = sourced.stream()
			.map(FormField::source)
			.filter(s -> !Forms.OWN_ID_NUMBER.equals(s))
			.collect(Collectors.toSet());
		Map<String, String> read = items.isEmpty() ? Map.of() : registries.read(applicant, items, accessor, purpose);
		Map<String, String> values = new LinkedHashMap<>();
		for (FormField field : sourced) {
			String value = Forms.OWN_ID_NUMBER.equals(field.source()) ? applicant.value() : read.get(field.source());
			if (value != null && !value.isBlank()) {
				values.put(field.name(), value);
			}
		}
		return values;
	}

	/**
	 * Why the registries are read for an application, as the citizen reads it on "who
	 * used my data": the matter's name and the application's reference, in both
	 * languages.
	 */
	public String purpose(LocalizedText matter, String reference) {
		return sentence(matter, "application.purpose.application", reference);
	}

	/**
	 * Why the registries are read when a hotline agent prepares an application from a
	 * call, for the citizen to confirm.
	 */
	public String hotlinePurpose(LocalizedText matter) {
		return sentence(matter, "hotline.purpose", null);
	}

	/** Why the registries are read for a pre-check, which makes no application. */
	public String precheckPurpose(LocalizedText matter) {
		return sentence(matter, "application.purpose.precheck", null);
	}

	/**
	 * Why the registries are read for a matter of a joint application (联办) being
	 * prepared: the matter's and the life event's names.
	 */
	public String bundlePurpose(LocalizedText matter, LocalizedText lifeEvent) {
		return new LocalizedText(
				messages.get(Locale.SIMPLIFIED_CHINESE, "application.purpose.bundle", matter.zh(), lifeEvent.zh()),
				messages.get(Locale.ENGLISH, "application.purpose.bundle", matter.in(Locale.ENGLISH),
						lifeEvent.in(Locale.ENGLISH)))
			.packed();
	}

	/**
	 * A purpose read while a representative acts for the applicant: "代办" and the
	 * representative's name before it, in both languages.
	 */
	public String represented(String purpose, String representative) {
		LocalizedText text = LocalizedText.unpacked(purpose);
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, "acting.purpose", representative, text.zh()),
				messages.get(Locale.ENGLISH, "acting.purpose", representative, text.in(Locale.ENGLISH)))
			.packed();
	}

	private String sentence(LocalizedText matter, String key, String reference) {
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, key, matter.zh(), reference),
				messages.get(Locale.ENGLISH, key, matter.in(Locale.ENGLISH), reference))
			.packed();
	}

}
