package org.onestop.application.form;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.onestop.application.FormSaved;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.DataItemDefinition;
import org.onestop.registry.Registries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application forms as data: each matter version has revisions of its form; the newest
 * revision of the published version is what citizens fill in, and an application
 * remembers the revision it was made on.
 */
@Service
public class Forms {

	/**
	 * The applicant's own verified ID number: it comes from their account, not from a
	 * registry read.
	 */
	public static final String OWN_ID_NUMBER = "identity.id_number";

	private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");

	private final FormStore store;

	private final Catalog catalog;

	private final Registries registries;

	private final ObjectMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Forms(FormStore store, Catalog catalog, Registries registries, ObjectMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.catalog = catalog;
		this.registries = registries;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** A form revision and the matter version it belongs to. */
	public record StoredForm(String serviceCode, int matterVersion, int revision, FormDefinition definition) {
	}

	/**
	 * The form citizens fill in now: the newest revision for the published version of the
	 * matter.
	 */
	public Optional<StoredForm> current(String serviceCode) {
		return catalog.matter(serviceCode).flatMap(matter -> latest(serviceCode, matter.version()));
	}

	/**
	 * The newest revision for a matter version, or failing that the newest of an earlier
	 * version.
	 */
	public Optional<StoredForm> latest(String serviceCode, int matterVersion) {
		return store.latest(serviceCode, matterVersion)
			.map(row -> new StoredForm(serviceCode, row.matterVersion(), row.revision(), read(row.definition())));
	}

	public Optional<StoredForm> revision(String serviceCode, int matterVersion, int revision) {
		return store.revision(serviceCode, matterVersion, revision)
			.map(definition -> new StoredForm(serviceCode, matterVersion, revision, read(definition)));
	}

	/**
	 * Saves a new revision of the form of the matter's published version, after checking
	 * it whole.
	 */
	@Transactional
	public StoredForm save(String actor, String serviceCode, FormDefinition definition) {
		Matter matter = catalog.matter(serviceCode)
			.orElseThrow(() -> new NotFoundException("catalog.matter.not-found"));
		FormDefinition checked = new FormDefinition(serviceCode, definition.fields(), definition.decisionTable());
		List<FieldProblem> problems = problems(checked);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Revisions are numbered per matter version; of two editors saving at once, the
		// second hears 409.
		int revision = store.nextRevision(serviceCode, matter.version());
		if (!store.add(serviceCode, matter.version(), revision, write(checked), clock.instant(), actor)) {
			throw new ConflictException("application.form.concurrent-edit");
		}
		events.publishEvent(new FormSaved(actor, serviceCode, matter.version(), revision));
		return new StoredForm(serviceCode, matter.version(), revision, checked);
	}

	private List<FieldProblem> problems(FormDefinition form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.fields().isEmpty()) {
			problems.add(new FieldProblem("fields", "application.form.fields.empty"));
		}
		Set<String> items = new HashSet<>(registries.items().stream().map(DataItemDefinition::key).toList());
		items.add(OWN_ID_NUMBER);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < form.fields().size(); i++) {
			FormField field = form.fields().get(i);
			String at = "fields[" + i + "]";
			if (field.name() == null || !NAME.matcher(field.name()).matches()) {
				problems.add(new FieldProblem(at + ".name", "application.form.name.invalid"));
			}
			else if (!names.add(field.name())) {
				problems.add(new FieldProblem(at + ".name", "application.form.name.duplicate", field.name()));
			}
			if (field.label() == null || !field.label().complete()) {
				problems.add(new FieldProblem(at + ".label", "application.form.label.required"));
			}
			if (field.type() == null) {
				problems.add(new FieldProblem(at + ".type", "application.form.type.required"));
			}
			else if (field.type() == FormField.FieldType.SELECT && field.options().isEmpty()) {
				problems.add(new FieldProblem(at + ".options", "application.form.options.required"));
			}
			if (field.sourced() && !items.contains(field.source())) {
				problems.add(new FieldProblem(at + ".source", "application.form.source.unknown", field.source()));
			}
			if (field.pattern() != null && !field.pattern().isBlank()) {
				try {
					Pattern.compile(field.pattern());
				}
				catch (PatternSyntaxException ex) {
					problems.add(new FieldProblem(at + ".pattern", "application.form.pattern.invalid"));
				}
			}
		}
		return problems;
	}

	private FormDefinition read(String text) {
		try {
			return json.readValue(text, FormDefinition.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored form definition does not parse", ex);
		}
	}

	private String write(FormDefinition form) {
		try {
			return json.writeValueAsString(form);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
