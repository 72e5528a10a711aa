package org.onestop.application.hotline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.application.form.FormDefinition;
import org.onestop.application.form.FormField;
import org.onestop.application.form.Forms;
import org.onestop.application.form.Prefill;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.platform.InvalidInputException;
import org.onestop.registry.Accessor;
import org.onestop.registry.DataItemDefinition;
import org.onestop.registry.Registries;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * The matter's form as the agent fills it in and the citizen reads it: registry values
 * (read in the agent's name, for the hotline call) beside the values typed.
 */
@Component
public class PreparedForms {

	private static final String NAME = "population.name";

	private final Forms forms;

	private final Catalog catalog;

	private final Prefill prefill;

	private final Registries registries;

	PreparedForms(Forms forms, Catalog catalog, Prefill prefill, Registries registries) {
		this.forms = forms;
		this.catalog = catalog;
		this.prefill = prefill;
		this.registries = registries;
	}

	/**
	 * One field and its value; {@code prefilled} when a registry (or the ID number
	 * itself) gave it, {@code source} naming the registry data item, if any.
	 */
	public record Line(String name, LocalizedText label, FormField.FieldType type, boolean required,
			List<FormField.Option> options, String value, boolean prefilled, LocalizedText source) {
	}

	/**
	 * The form for a resident and a matter: whom it is for, the values the registries
	 * gave, and every field in order.
	 */
	public record Filled(String serviceCode, LocalizedText matterName, String residentName,
			Map<String, String> prefilled, List<Line> lines) {

		FormField field(String name) {
			return lines.stream()
				.filter(l -> l.name().equals(name))
				.findFirst()
				.map(l -> new FormField(l.name(), l.label(), l.type(), l.required(), null, null, l.options(), null))
				.orElse(null);
		}

	}

	/** The form prefilled for the resident now, each read logged with the accessor. */
	Filled prefilled(ResidentIdNumber resident, String serviceCode, Accessor accessor) {
		String code = serviceCode == null ? "" : serviceCode.strip();
		if (code.isEmpty()) {
			throw new InvalidInputException("serviceCode", "application.service-code.required");
		}
		Matter matter = catalog.matter(code)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "application.service-code.unknown", code));
		FormDefinition form = forms.latest(code, matter.version())
			.orElseThrow(() -> new InvalidInputException("serviceCode", "hotline.no-form"))
			.definition();
		String purpose = prefill.hotlinePurpose(matter.definition().name());
		Map<String, String> values = prefill.values(form, resident, accessor, purpose);
		String name = registries.read(resident, List.of(NAME), accessor, purpose).getOrDefault(NAME, "");
		return filled(code, matter.definition().name(), name, form, values, Map.of());
	}

	/** A prepared application's form, as it was prepared; no registry is read. */
	Filled filled(PreparedApplication p) {
		Optional<Matter> matter = catalog.matter(p.serviceCode());
		LocalizedText name = matter.map(m -> m.definition().name())
			.orElse(new LocalizedText(p.serviceCode(), p.serviceCode()));
		FormDefinition form = matter.flatMap(m -> forms.latest(p.serviceCode(), m.version()))
			.map(Forms.StoredForm::definition)
			.orElse(new FormDefinition(p.serviceCode(), List.of(), null));
		return filled(p.serviceCode(), name, p.applicantName(), form, p.prefilled(), p.fields());
	}

	private Filled filled(String code, LocalizedText matterName, String residentName, FormDefinition form,
			Map<String, String> prefilled, Map<String, String> typed) {
		Map<String, DataItemDefinition> items = registries.items()
			.stream()
			.collect(Collectors.toMap(DataItemDefinition::key, Function.identity()));
		List<Line> lines = new ArrayList<>();
		for (FormField f : form.fields()) {
			boolean fromRegistry = prefilled.containsKey(f.name());
			DataItemDefinition item = fromRegistry ? items.get(f.source()) : null;
			lines.add(new Line(f.name(), f.label(), f.type(), f.required(), f.options(),
					fromRegistry ? prefilled.get(f.name()) : typed.get(f.name()), fromRegistry,
					item == null ? null : item.label()));
		}
		return new Filled(code, matterName, residentName, Map.copyOf(prefilled), List.copyOf(lines));
	}

}
