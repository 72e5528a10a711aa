package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onestop.application.Application.Dispute;
import org.onestop.application.Application.Status;
import org.onestop.application.form.FieldRules;
import org.onestop.application.form.FormDefinition;
import org.onestop.application.form.FormField;
import org.onestop.application.form.FormView;
import org.onestop.application.form.Forms;
import org.onestop.application.form.Prefill;
import org.onestop.application.vault.DocumentVault;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.DataItemDefinition;
import org.onestop.registry.Registries;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's side before submission: the prefilled form (a draft, resumed from any
 * device), saving what they type, and disputing a prefilled value, which sends a
 * correction request to the registry's owner and never blocks the application.
 */
@Service
public class Drafts {

	static final int MAX_DOCUMENTS = 50;

	private final ApplicationStore store;

	private final Forms forms;

	private final Catalog catalog;

	private final Prefill prefill;

	private final Registries registries;

	private final DocumentVault vault;

	private final Timeline timeline;

	private final CorrectionStore corrections;

	private final MandateScope acting;

	private final Clock clock;

	Drafts(ApplicationStore store, Forms forms, Catalog catalog, Prefill prefill, Registries registries,
			DocumentVault vault, Timeline timeline, CorrectionStore corrections, MandateScope acting, Clock clock) {
		this.store = store;
		this.forms = forms;
		this.catalog = catalog;
		this.prefill = prefill;
		this.registries = registries;
		this.vault = vault;
		this.timeline = timeline;
		this.corrections = corrections;
		this.acting = acting;
		this.clock = clock;
	}

	/**
	 * The form for a matter, prefilled for the citizen: their open draft if they have one
	 * (with what they typed), a new draft otherwise. Registry values are read afresh each
	 * time, so a correction made in a registry shows at once.
	 */
	@Transactional
	public FormView open(OneStopUser citizen, String serviceCode) {
		// The published matter once, then its form (Forms.current would read the matter
		// again).
		MandateScope.mayAct(citizen, serviceCode);
		Matter matter = catalog.matter(serviceCode)
			.orElseThrow(() -> new NotFoundException("application.form.not-found", serviceCode));
		Forms.StoredForm form = forms.latest(serviceCode, matter.version())
			.orElseThrow(() -> new NotFoundException("application.form.not-found", serviceCode));
		Application draft = store.draftOf(citizen.username(), serviceCode).orElse(null);
		if (draft == null) {
			Application fresh = Application.draft(UUID.randomUUID(), citizen.username(), citizen.idNumber(),
					citizen.displayName(), serviceCode, form.matterVersion(), form.revision(),
					matter.definition().department(), clock.instant());
			store.insertDraft(fresh); // another device may have won the race: read back
										// whichever draft exists
			draft = store.draftOf(citizen.username(), serviceCode).orElseThrow();
		}
		Map<String, String> registry = prefill.values(form.definition(), ResidentIdNumber.parse(citizen.idNumber()),
				MandateScope.accessor(citizen),
				acting.purpose(citizen, prefill.purpose(matter.definition().name(), draft.reference())));
		Map<String, String> fields = new LinkedHashMap<>(typedOnly(form.definition(), draft.fields()));
		Map<String, String> sources = new LinkedHashMap<>();
		for (FormField field : form.definition().fields()) {
			String value = registry.get(field.name());
			if (value == null) {
				continue;
			}
			sources.put(field.name(), field.source());
			Dispute dispute = draft.disputes().get(field.name());
			fields.put(field.name(), dispute != null ? dispute.citizenValue() : value);
		}
		saveDraft(draft.id(), fields, sources, draft.disputes(), draft.documentIds(), draft.explanation(),
				clock.instant());
		return view(matter, form, draft.id(), fields, sources, draft.disputes(), registry, draft.documentIds(),
				draft.explanation());
	}

	/**
	 * Saves what the citizen typed so far. Values are checked for their type, not for
	 * being complete.
	 */
	@Transactional
	public FormView save(OneStopUser citizen, UUID draftId, Map<String, String> typed, List<UUID> documentIds,
			String explanation) {
		Application draft = ownDraft(citizen, draftId);
		Forms.StoredForm form = formOf(draft);
		Map<String, String> fields = new LinkedHashMap<>(draft.fields());
		List<FieldProblem> problems = new ArrayList<>();
		typed.forEach((name, value) -> {
			FormField field = form.definition().field(name).orElse(null);
			if (field == null) {
				problems.add(new FieldProblem(name, "application.field.unknown", name));
			}
			else if (draft.sources().containsKey(name) && !draft.disputes().containsKey(name)) {
				if (value != null && !value.strip().equals(draft.fields().get(name))) {
					problems.add(new FieldProblem(name, "application.field.prefilled"));
				}
			}
			else if (value == null || value.isBlank()) {
				fields.remove(name);
			}
			else {
				fields.put(name, value.strip());
			}
		});
		problems.addAll(FieldRules.check(form.definition(), fields, false));
		// A partial save leaves what it does not mention as it was.
		List<UUID> documents = documentIds == null ? draft.documentIds()
				: checkedDocuments(citizen, documentIds, problems);
		String cleanExplanation = explanation == null ? draft.explanation()
				: Submissions.explanation(explanation, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		saveDraft(draft.id(), fields, draft.sources(), draft.disputes(), documents, cleanExplanation, clock.instant());
		Matter matter = catalog.matter(draft.serviceCode(), draft.matterVersion()).orElseThrow();
		return view(matter, form, draft.id(), fields, draft.sources(), draft.disputes(), registryValues(draft),
				documents, cleanExplanation);
	}

	/**
	 * The citizen says a prefilled value is wrong: the form takes their value, marked
	 * disputed, and the registry's owner receives a correction request. Disputing again
	 * replaces the earlier value.
	 */
	@Transactional
	public FormView dispute(OneStopUser citizen, UUID draftId, String fieldName, String value, String comment) {
		Application draft = ownDraft(citizen, draftId);
		Forms.StoredForm form = formOf(draft);
		FormField field = form.definition()
			.field(fieldName)
			.orElseThrow(() -> new InvalidInputException("field", "application.field.unknown", fieldName));
		String item = draft.sources().get(fieldName);
		if (item == null || Forms.OWN_ID_NUMBER.equals(item)) {
			throw new InvalidInputException("field", "application.dispute.not-prefilled");
		}
		String clean = value == null ? "" : value.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("value", "application.dispute.value.required");
		}
		FieldRules.problem(field, clean).ifPresent(key -> {
			throw new InvalidInputException("value", key);
		});
		String cleanComment = comment == null ? null : comment.strip();
		if (cleanComment != null && cleanComment.length() > 500) {
			throw new InvalidInputException("comment", "application.field.too-long");
		}
		Dispute previous = draft.disputes().get(fieldName);
		String registryValue = previous != null ? previous.registryValue() : draft.fields().get(fieldName);
		Map<String, Dispute> disputes = new HashMap<>(draft.disputes());
		disputes.put(fieldName, new Dispute(item, registryValue, clean, cleanComment));
		Map<String, String> fields = new LinkedHashMap<>(draft.fields());
		fields.put(fieldName, clean);
		saveDraft(draft.id(), fields, draft.sources(), disputes, draft.documentIds(), draft.explanation(),
				clock.instant());
		requestCorrection(draft, fieldName, item, registryValue, clean, cleanComment);
		Matter matter = catalog.matter(draft.serviceCode(), draft.matterVersion()).orElseThrow();
		return view(matter, form, draft.id(), fields, draft.sources(), disputes, registryValues(draft),
				draft.documentIds(), draft.explanation());
	}

	/**
	 * Files (or updates) the correction request for a disputed value with the registry's
	 * owner.
	 */
	void requestCorrection(Application application, String field, String item, String registryValue,
			String citizenValue, String comment) {
		String department = registries.items()
			.stream()
			.filter(d -> d.key().equals(item))
			.findFirst()
			.map(DataItemDefinition::department)
			.orElseThrow();
		corrections.file(application, field, item, department, registryValue, citizenValue, comment, clock.instant());
		timeline.record(application.id(), "VALUE_DISPUTED", application.applicant(),
				Map.of("field", field, "item", item, "department", department));
	}

	private void saveDraft(UUID id, Map<String, String> fields, Map<String, String> sources,
			Map<String, Dispute> disputes, List<UUID> documents, String explanation, Instant at) {
		if (!store.saveDraft(id, fields, sources, disputes, documents, explanation, at)) {
			throw new ConflictException("application.draft.submitted");
		}
	}

	List<UUID> checkedDocuments(OneStopUser citizen, List<UUID> ids, List<FieldProblem> problems) {
		List<UUID> documents = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
		if (documents.size() > MAX_DOCUMENTS) {
			problems.add(new FieldProblem("documentIds", "application.document.too-many", MAX_DOCUMENTS));
			return List.of();
		}
		Set<UUID> own = vault.owned(citizen, documents);
		documents.stream()
			.filter(id -> !own.contains(id))
			.forEach(id -> problems.add(new FieldProblem("documentIds", "application.document.unknown", id)));
		return documents;
	}

	/** The matter of one of this citizen's drafts; 404 for anything else. */
	public String serviceOf(OneStopUser citizen, UUID draftId) {
		return store.find(draftId)
			.filter(a -> a.applicant().equals(citizen.username()) && a.status() == Status.DRAFT
					&& MandateScope.covers(citizen, a))
			.map(Application::serviceCode)
			.orElseThrow(() -> new NotFoundException("application.not-found"));
	}

	private Application ownDraft(OneStopUser citizen, UUID draftId) {
		Application draft = store.find(draftId)
			.filter(a -> a.applicant().equals(citizen.username()) && MandateScope.covers(citizen, a))
			.orElseThrow(() -> new NotFoundException("application.not-found"));
		if (draft.status() != Status.DRAFT) {
			throw new ConflictException("application.draft.submitted");
		}
		return draft;
	}

	private Forms.StoredForm formOf(Application application) {
		return forms.revision(application.serviceCode(), application.matterVersion(), application.formRevision())
			.orElseThrow();
	}

	private static Map<String, String> typedOnly(FormDefinition form, Map<String, String> values) {
		return values.entrySet()
			.stream()
			.filter(e -> form.field(e.getKey()).map(f -> !f.sourced()).orElse(false))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	private static Map<String, String> registryValues(Application draft) {
		Map<String, String> values = new HashMap<>();
		draft.sources().keySet().forEach(name -> {
			Dispute dispute = draft.disputes().get(name);
			values.put(name, dispute != null ? dispute.registryValue() : draft.fields().get(name));
		});
		return values;
	}

	FormView view(Matter matter, Forms.StoredForm form, UUID draftId, Map<String, String> fields,
			Map<String, String> sources, Map<String, Dispute> disputes, Map<String, String> registry,
			List<UUID> documentIds, String explanation) {
		Map<String, DataItemDefinition> items = registries.items()
			.stream()
			.collect(Collectors.toMap(DataItemDefinition::key, Function.identity()));
		List<FormView.Field> views = new ArrayList<>();
		for (FormField f : form.definition().fields()) {
			String source = sources.get(f.name());
			DataItemDefinition item = source == null ? null : items.get(source);
			views.add(new FormView.Field(f.name(), f.label(), f.type(), f.required(), f.options(), fields.get(f.name()),
					source, item == null ? null : item.label(), item == null ? null : item.department(),
					source != null && !disputes.containsKey(f.name()), disputes.containsKey(f.name()),
					source == null ? null : registry.get(f.name())));
		}
		List<FormView.RequiredDocument> documents = matter.definition()
			.documents()
			.stream()
			.map(d -> new FormView.RequiredDocument(d.key(), d.name(), d.provision().name()))
			.toList();
		long prefilled = views.stream().filter(v -> v.source() != null).count();
		double share = views.isEmpty() ? 0 : (double) prefilled / views.size();
		return new FormView(form.serviceCode(), matter.definition().name(), form.matterVersion(), form.revision(),
				draftId, views, documents, documentIds, explanation, share);
	}

}
