package org.onestop.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.application.Application.Status;
import org.onestop.application.form.FormField;
import org.onestop.application.form.FormView;
import org.onestop.application.form.Forms;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.form.Prefill;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.LifeEvent;
import org.onestop.catalog.Matter;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.InvalidRequestException;
import org.onestop.platform.NotFoundException;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Life-event bundles (一件事一次办): one form for several matters, each data item asked once
 * and each document once; OneStop fans out one application per matter to its department
 * and shows one combined status. All of the bundle's applications are made in one
 * transaction, or none.
 */
@Service
public class Bundles {

	private final Catalog catalog;

	private final Forms forms;

	private final Prefill prefill;

	private final Submissions submissions;

	private final ApplicationStore store;

	private final BundleStore bundles;

	private final MandateScope acting;

	private final Clock clock;

	Bundles(Catalog catalog, Forms forms, Prefill prefill, Submissions submissions, ApplicationStore store,
			BundleStore bundles, MandateScope acting, Clock clock) {
		this.catalog = catalog;
		this.forms = forms;
		this.prefill = prefill;
		this.submissions = submissions;
		this.store = store;
		this.bundles = bundles;
		this.acting = acting;
		this.clock = clock;
	}

	/** One field of the combined form, and which of the bundle's matters ask for it. */
	public record BundleField(String name, LocalizedText label, FormField.FieldType type, boolean required,
			List<FormField.Option> options, String value, String source, boolean readOnly, List<String> matters) {

		/** A value as the citizen reads it: a choice's label, never its code. */
		public String shown(String value, java.util.Locale locale) {
			return options.stream()
				.filter(o -> o.value().equals(value))
				.findFirst()
				.map(o -> o.label().in(locale))
				.orElse(value);
		}
	}

	public record BundleForm(String lifeEvent, LocalizedText name, List<String> matters, List<BundleField> fields,
			List<FormView.RequiredDocument> documents) {
	}

	public record BundleView(UUID id, String lifeEvent, String status, List<Part> applications) {

		/** One matter's application within the bundle. */
		public record Part(UUID id, String reference, String serviceCode, Status status, LocalDate dueDate) {
		}
	}

	/** The combined, prefilled form of a life event's bundle. */
	@Transactional
	public BundleForm form(OneStopUser citizen, String lifeEventCode) {
		LifeEvent event = bundleOf(lifeEventCode);
		event.bundle().forEach(code -> MandateScope.mayAct(citizen, code));
		Map<String, BundleField> fields = new LinkedHashMap<>();
		Map<String, FormView.RequiredDocument> documents = new LinkedHashMap<>();
		List<String> matters = new ArrayList<>();
		ResidentIdNumber applicant = ResidentIdNumber.parse(citizen.idNumber());
		for (String code : event.bundle()) {
			var form = forms.current(code).orElse(null);
			Matter matter = catalog.matter(code).orElse(null);
			if (form == null || matter == null) {
				continue;
			}
			matters.add(code);
			Map<String, String> values = prefill.values(form.definition(), applicant, MandateScope.accessor(citizen),
					acting.purpose(citizen, prefill.bundlePurpose(matter.definition().name(), event.name())));
			for (FormField f : form.definition().fields()) {
				BundleField seen = fields.get(f.name());
				List<String> askedBy = new ArrayList<>(seen == null ? List.of() : seen.matters());
				askedBy.add(code);
				String value = values.get(f.name());
				boolean sourced = value != null;
				fields.put(f.name(), seen == null
						? new BundleField(f.name(), f.label(), f.type(), f.required(), f.options(), value,
								sourced ? f.source() : null, sourced, askedBy)
						: new BundleField(seen.name(), seen.label(), seen.type(), seen.required() || f.required(),
								seen.options(), seen.value() != null ? seen.value() : value,
								seen.source() != null ? seen.source() : sourced ? f.source() : null,
								seen.readOnly() || sourced, askedBy));
			}
			matter.definition()
				.documents()
				.forEach(d -> documents.putIfAbsent(d.key(),
						new FormView.RequiredDocument(d.key(), d.name(), d.provision().name())));
		}
		return new BundleForm(event.code(), event.name(), matters, List.copyOf(fields.values()),
				List.copyOf(documents.values()));
	}

	/**
	 * Submits one application per bundle matter. Idempotent like a single submission: the
	 * same key again answers the bundle already made.
	 */
	@Transactional
	public BundleView submit(OneStopUser citizen, String idempotencyKey, String lifeEventCode,
			Map<String, String> fields, List<UUID> documentIds, String explanation) {
		return submit(citizen, idempotencyKey, lifeEventCode, fields, documentIds, explanation,
				Intake.byApplicant(ContactChannel.WEB));
	}

	/**
	 * Submits the bundle's applications through a given channel, or filed by someone for
	 * the citizen: every application of the bundle records the same intake.
	 */
	@Transactional
	public BundleView submit(OneStopUser citizen, String idempotencyKey, String lifeEventCode,
			Map<String, String> fields, List<UUID> documentIds, String explanation, Intake intake) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 150) {
			throw new InvalidRequestException("application.idempotency-key.required");
		}
		LifeEvent event = bundleOf(lifeEventCode);
		// A mandate covers a bundle only when it covers every matter of it.
		event.bundle().forEach(code -> MandateScope.mayAct(citizen, code));
		UUID id = UUID.randomUUID();
		if (!bundles.create(id, citizen.username(), event.code(), clock.instant(), idempotencyKey.strip())) {
			return view(citizen, bundles.byKey(citizen.username(), idempotencyKey.strip()));
		}
		Map<String, String> given = fields == null ? Map.of() : fields;
		List<PrecheckProblem> problems = new ArrayList<>();
		for (String code : event.bundle()) {
			var form = forms.current(code).orElse(null);
			if (form == null) {
				continue;
			}
			Map<String, String> own = new LinkedHashMap<>();
			form.definition().fields().forEach(f -> {
				if (given.containsKey(f.name())) {
					own.put(f.name(), given.get(f.name()));
				}
			});
			try {
				submissions.submit(citizen, idempotencyKey.strip() + ":" + code,
						new ApplicationForm(code, own, documentIds, explanation, null), id, intake);
			}
			catch (PrecheckFailedException ex) {
				ex.problems()
					.forEach(p -> problems
						.add(new PrecheckProblem(p.kind(), p.code(), p.field(), code + "：" + p.message(), p.remedy())));
			}
		}
		if (!problems.isEmpty()) {
			// All or nothing: the transaction rolls back every application of the bundle.
			throw new PrecheckFailedException(problems);
		}
		return view(citizen, id);
	}

	public BundleView view(OneStopUser citizen, UUID id) {
		String lifeEvent = bundles.lifeEventOf(id, citizen.username())
			.orElseThrow(() -> new NotFoundException("application.bundle.not-found"));
		List<Application> applications = store.ofBundle(id);
		if (!applications.stream().allMatch(a -> MandateScope.covers(citizen, a))) {
			throw new NotFoundException("application.bundle.not-found");
		}
		List<BundleView.Part> parts = applications.stream()
			.map(a -> new BundleView.Part(a.id(), a.reference(), a.serviceCode(), a.status(), a.dueDate()))
			.toList();
		return new BundleView(id, lifeEvent, combined(parts), parts);
	}

	/**
	 * One status for the citizen: what needs them first, then whether everything is
	 * decided.
	 */
	static String combined(List<BundleView.Part> parts) {
		if (parts.stream().anyMatch(p -> p.status() == Status.AWAITING_CITIZEN)) {
			return "AWAITING_CITIZEN";
		}
		if (parts.stream().allMatch(p -> p.status() == Status.APPROVED)) {
			return "APPROVED";
		}
		if (parts.stream().noneMatch(p -> p.status().open())) {
			return "DECIDED";
		}
		return "IN_PROGRESS";
	}

	private LifeEvent bundleOf(String code) {
		LifeEvent event = catalog.lifeEvent(code)
			.orElseThrow(() -> new NotFoundException("application.bundle.unknown", code));
		if (event.bundle().isEmpty()) {
			throw new NotFoundException("application.bundle.unknown", code);
		}
		return event;
	}

}
