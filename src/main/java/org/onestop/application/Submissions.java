package org.onestop.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.onestop.application.Application.Dispute;
import org.onestop.application.Application.Status;
import org.onestop.application.form.FormField;
import org.onestop.application.form.Forms;
import org.onestop.application.form.Precheck;
import org.onestop.application.form.PrecheckProblem;
import org.onestop.application.form.Prefill;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ConflictException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.InvalidRequestException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.PlatformProperties;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.platform.UnprocessableException;
import org.onestop.platform.WorkingCalendar;
import org.onestop.registry.Accessor;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.ResidentIdNumber;
import org.onestop.workflow.Workflow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-check and submission. A submission is idempotent per citizen and Idempotency-Key:
 * the same key again, on any node and at the same moment, yields the same application.
 * The application row, its process and first task, and its timeline entry commit together
 * or not at all.
 */
@Service
public class Submissions {

	static final int MAX_EXPLANATION = 2000;

	/** The process every application follows unless its matter names another. */
	static final String APPLICATION_PROCESS = "matter-application";

	private final ApplicationStore store;

	private final Forms forms;

	private final Catalog catalog;

	private final Prefill prefill;

	private final Precheck precheck;

	private final Drafts drafts;

	private final Workflow workflow;

	private final WorkingCalendar calendar;

	private final Deadlines deadlines;

	private final CaseStatus caseStatus;

	private final Timeline timeline;

	private final MandateScope acting;

	private final Clock clock;

	private final ZoneId zone;

	Submissions(ApplicationStore store, Forms forms, Catalog catalog, Prefill prefill, Precheck precheck, Drafts drafts,
			Workflow workflow, WorkingCalendar calendar, Deadlines deadlines, CaseStatus caseStatus, Timeline timeline,
			MandateScope acting, Clock clock, PlatformProperties properties) {
		this.store = store;
		this.forms = forms;
		this.catalog = catalog;
		this.prefill = prefill;
		this.precheck = precheck;
		this.drafts = drafts;
		this.workflow = workflow;
		this.calendar = calendar;
		this.deadlines = deadlines;
		this.caseStatus = caseStatus;
		this.timeline = timeline;
		this.acting = acting;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * The pre-check's answer: all problems at once; {@code passed} when there are none.
	 */
	public record PrecheckResult(boolean passed, List<PrecheckProblem> problems) {
	}

	/** Runs the pre-check without submitting anything. */
	@Transactional
	public PrecheckResult precheck(OneStopUser citizen, ApplicationForm request) {
		Candidate candidate = candidate(citizen, request, true);
		return new PrecheckResult(candidate.problems().isEmpty(), candidate.problems());
	}

	/** Submits, or returns the application already made under this key. */
	@Transactional
	public Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request) {
		return submit(citizen, idempotencyKey, request, null, Intake.byApplicant(ContactChannel.WEB));
	}

	/**
	 * Submits through a given channel, or filed by someone for the citizen (a clerk, an
	 * agent); or returns the application already made under this key. A representative's
	 * submission is always {@link ContactChannel#DELEGATED}, filed by them.
	 */
	@Transactional
	public Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request, Intake intake) {
		return submit(citizen, idempotencyKey, request, null, intake);
	}

	/**
	 * Filed for the citizen by someone who reads the registries in their own name (a
	 * clerk confirming a hotline-prepared application at a counter), so that "who used my
	 * data" names them.
	 */
	@Transactional
	public Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request, Intake intake,
			Accessor reader) {
		return submit(citizen, idempotencyKey, request, null, intake, reader);
	}

	/** A submission, possibly one of a life-event bundle's. */
	@Transactional
	Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request, UUID bundle) {
		return submit(citizen, idempotencyKey, request, bundle, Intake.byApplicant(ContactChannel.WEB));
	}

	@Transactional
	Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request, UUID bundle, Intake intake) {
		return submit(citizen, idempotencyKey, request, bundle, intake, Accessor.system());
	}

	/**
	 * As filed by someone who reads the registries in their own name (a clerk at a
	 * counter), so that "who used my data" names them. A representative acting for the
	 * citizen always files through the DELEGATED channel and reads in their own name.
	 */
	@Transactional
	Submitted submit(OneStopUser citizen, String idempotencyKey, ApplicationForm request, UUID bundle, Intake given,
			Accessor reader) {
		Intake intake = MandateScope.intake(citizen, given);
		String key = idempotencyKey == null ? "" : idempotencyKey.strip();
		if (key.isEmpty() || key.length() > 200) {
			throw new InvalidRequestException("application.idempotency-key.required");
		}
		String hash = hash(request);
		var existing = store.byKey(citizen.username(), key).filter(a -> MandateScope.covers(citizen, a));
		if (existing.isPresent()) {
			return replay(existing.get(), hash);
		}
		UUID id = request.draftId() != null ? request.draftId() : UUID.randomUUID();
		Candidate candidate = candidate(citizen, request, false, reader);
		if (!candidate.problems().isEmpty() && (request.explanation() == null || request.explanation().isBlank())) {
			throw new PrecheckFailedException(candidate.problems());
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate due = calendar.addWorkingDays(today, candidate.matter().definition().promisedDays());
		// To the microsecond, as the database keeps it: the answer is built in memory.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Application application = Application
			.draft(id, citizen.username(), citizen.idNumber(), citizen.displayName(), candidate.matter().code(),
					candidate.form().matterVersion(), candidate.form().revision(),
					candidate.matter().definition().department(), now)
			.submitted(candidate.fields(), candidate.sources(), candidate.disputes(), candidate.documents(),
					candidate.explanation(), candidate.problems(), bundle, now, due)
			.through(intake);
		String model = model(candidate);
		boolean autoAccept = autoAccept(candidate);
		// A new application of the application process: its process id (given to the
		// engine) and first status are known before the row is written, so the insert
		// names them and nothing updates the row after the start.
		Started planned = request.draftId() == null && APPLICATION_PROCESS.equals(model)
				? new Started(UUID.randomUUID().toString(), firstStatus(autoAccept), now) : null;
		boolean stored;
		try {
			stored = request.draftId() != null ? store.submitDraft(application, key, hash)
					: store.insertSubmitted(application, key, hash, candidate.reference(), planned);
		}
		catch (DuplicateKeyException ex) {
			// The key is already another application's (a draft submitted under a key in
			// use).
			throw new UnprocessableException("application.idempotency-key.reused");
		}
		if (!stored) {
			// Another request with this key won the race (and has committed), or the
			// draft was submitted already.
			return store.byKey(citizen.username(), key)
				.map(a -> replay(a, hash))
				.orElseThrow(() -> new ConflictException("application.draft.submitted"));
		}
		Started started = start(application, candidate, model, autoAccept, planned);
		// A draft's reference was given by the database when the draft was made, and a
		// process of another model says where it waits only when asked: read the row
		// back. Otherwise the row is what was just written.
		Application saved = request.draftId() != null || candidate.reference() == null || started.status() == null
				? store.find(id).orElseThrow()
				: application.started(candidate.reference(), started.processInstance(), started.status(), started.at());
		acting.record(citizen, "acting.what.submitted", saved);
		return new Submitted(saved, false);
	}

	/**
	 * The case's process, and the status its first step gave the application (null when
	 * it was read from where a process of another model waits).
	 */
	record Started(String processInstance, Status status, Instant at) {
	}

	private static String model(Candidate candidate) {
		String process = candidate.matter().definition().process();
		return process == null || process.isBlank() ? APPLICATION_PROCESS : process;
	}

	private static boolean autoAccept(Candidate candidate) {
		return candidate.matter().definition().channel() == Channel.ONLINE && candidate.problems().isEmpty();
	}

	/**
	 * The application process's first step, known from its start: review when accepted
	 * automatically, acceptance otherwise (its first gateway).
	 */
	private static Status firstStatus(boolean autoAccept) {
		return CaseStatus.of(Set.of(autoAccept ? Step.REVIEW.id() : Step.ACCEPTANCE.id()));
	}

	/**
	 * Starts the case's process (same transaction) and records what the citizen sent;
	 * under the planned id when the row already names it.
	 */
	Started start(Application application, Candidate candidate, String model, boolean autoAccept, Started planned) {
		candidate.disputes().forEach((field, dispute) -> {
			if (!candidate.disputedBefore().containsKey(field)) {
				drafts.requestCorrection(application, field, dispute.item(), dispute.registryValue(),
						dispute.citizenValue(), dispute.comment());
			}
		});
		Map<String, Object> submitted = new HashMap<>(
				Map.of("problems", candidate.problems().size(), "explained", application.explanation() != null));
		Intake intake = application.intake();
		boolean delegated = intake != null && intake.channel() == ContactChannel.DELEGATED && intake.assisted();
		if (delegated) {
			submitted.put(MandateScope.REPRESENTATIVE, intake.filedByName());
		}
		// Acceptance without a clerk is decided here, not by the process: both entries
		// in one insert, before the process starts (and whatever its first steps record).
		List<Timeline.Entry> entries = new ArrayList<>(2);
		entries.add(new Timeline.Entry("SUBMITTED", delegated ? intake.filedBy() : application.applicant(), submitted));
		if (autoAccept) {
			entries.add(new Timeline.Entry("ACCEPTED", "system", Map.of("automatic", true)));
		}
		timeline.record(application.id(), entries);
		Map<String, Object> variables = CaseVariables.atStart(application.department(), autoAccept,
				deadlines.overdueAt(application.dueDate()), deadlines.warnAt(application.dueDate()));
		if (planned != null) {
			workflow.start(model, application.id().toString(), planned.processInstance(), variables);
			return planned;
		}
		String processInstance = workflow.start(model, application.id().toString(), variables);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!APPLICATION_PROCESS.equals(model)) {
			store.started(application.id(), processInstance);
			caseStatus.refresh(application.id());
			return new Started(processInstance, null, at);
		}
		// A submitted draft: process id and status in one statement, without locking the
		// row and asking the engine.
		Status first = firstStatus(autoAccept);
		store.started(application.id(), processInstance, first, at);
		return new Started(processInstance, first, at);
	}

	/**
	 * A submission's answer, and whether it is a replay of an earlier request with the
	 * same key.
	 */
	public record Submitted(Application application, boolean replayed) {
	}

	private Submitted replay(Application existing, String hash) {
		String stored = store.requestHashOf(existing.id());
		if (stored != null && !stored.equals(hash)) {
			throw new UnprocessableException("application.idempotency-key.reused");
		}
		return new Submitted(existing, true);
	}

	/** Everything an application would be made of, and what the pre-check says of it. */
	record Candidate(Matter matter, Forms.StoredForm form, Map<String, String> fields, Map<String, String> sources,
			Map<String, Dispute> disputes, Map<String, Dispute> disputedBefore, List<UUID> documents,
			String explanation, List<PrecheckProblem> problems, String reference) {
	}

	Candidate candidate(OneStopUser citizen, ApplicationForm request, boolean readOnly) {
		return candidate(citizen, request, readOnly, Accessor.system());
	}

	private Candidate candidate(OneStopUser citizen, ApplicationForm request, boolean readOnly, Accessor reader) {
		Application draft = null;
		String serviceCode = request.serviceCode();
		if (request.draftId() != null) {
			draft = store.find(request.draftId())
				.filter(a -> a.applicant().equals(citizen.username()))
				.orElseThrow(() -> new NotFoundException("application.not-found"));
			if (serviceCode == null || serviceCode.isBlank()) {
				serviceCode = draft.serviceCode();
			}
			if (!draft.serviceCode().equals(serviceCode)) {
				throw new InvalidInputException("serviceCode", "application.draft.other-matter");
			}
		}
		if (serviceCode == null || serviceCode.isBlank()) {
			throw new InvalidInputException("serviceCode", "application.service-code.required");
		}
		String code = serviceCode.strip();
		MandateScope.mayAct(citizen, code);
		Matter matter = catalog.matter(code)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "application.service-code.unknown", code));
		Forms.StoredForm form = forms.latest(code, matter.version())
			.orElseThrow(() -> new NotFoundException("application.form.not-found", code));
		ResidentIdNumber applicant = ResidentIdNumber.parse(citizen.idNumber());
		Map<String, String> registry;
		Map<String, Dispute> disputedBefore;
		String reference = null;
		Map<String, String> fields = new LinkedHashMap<>();
		if (draft != null) {
			registry = new HashMap<>();
			for (String name : draft.sources().keySet()) {
				Dispute d = draft.disputes().get(name);
				registry.put(name, d != null ? d.registryValue() : draft.fields().get(name));
			}
			disputedBefore = draft.disputes();
			fields.putAll(draft.fields());
		}
		else {
			// A submission without a draft takes its reference now: the registries' log
			// names it.
			reference = readOnly ? null : store.newReference(code, clock.instant());
			registry = prefill.values(form.definition(), applicant,
					citizen.represented() ? MandateScope.accessor(citizen) : reader,
					acting.purpose(citizen, readOnly ? prefill.precheckPurpose(matter.definition().name())
							: prefill.purpose(matter.definition().name(), reference)));
			disputedBefore = Map.of();
			fields.putAll(registry);
		}
		Map<String, String> sources = new LinkedHashMap<>();
		Map<String, Dispute> disputes = new HashMap<>(disputedBefore);
		List<FieldProblem> invalid = new ArrayList<>();
		for (FormField field : form.definition().fields()) {
			if (registry.containsKey(field.name())) {
				sources.put(field.name(), field.source());
			}
		}
		request.fields().forEach((name, raw) -> {
			FormField field = form.definition().field(name).orElse(null);
			String value = raw.strip();
			if (field == null) {
				invalid.add(new FieldProblem(name, "application.field.unknown", name));
			}
			else if (registry.containsKey(name) && !value.equals(registry.get(name))
					&& !Forms.OWN_ID_NUMBER.equals(field.source())) {
				// A different value for a prefilled field is the citizen saying the
				// registry is wrong.
				Dispute before = disputes.get(name);
				if (!value.isEmpty() && (before == null || !before.citizenValue().equals(value))) {
					disputes.put(name, new Dispute(field.source(), registry.get(name), value, null));
				}
				if (!value.isEmpty()) {
					fields.put(name, value);
				}
			}
			else if (!registry.containsKey(name)) {
				if (value.isEmpty()) {
					fields.remove(name);
				}
				else {
					fields.put(name, value);
				}
			}
		});
		List<UUID> documents = drafts.checkedDocuments(citizen,
				request.documentIds().isEmpty() && draft != null ? draft.documentIds() : request.documentIds(),
				invalid);
		String explanation = explanation(
				request.explanation() != null || draft == null ? request.explanation() : draft.explanation(), invalid);
		if (!invalid.isEmpty()) {
			throw new InvalidInputException(invalid);
		}
		List<PrecheckProblem> problems = precheck.run(matter, form.definition(), fields, documents.size(),
				explanation != null, applicant, LocalDate.now(clock.withZone(zone)));
		return new Candidate(matter, form, fields, sources, disputes, disputedBefore, documents, explanation, problems,
				reference);
	}

	static String explanation(String explanation, List<FieldProblem> problems) {
		if (explanation == null || explanation.isBlank()) {
			return null;
		}
		if (explanation.strip().length() > MAX_EXPLANATION) {
			problems.add(new FieldProblem("explanation", "application.field.too-long"));
		}
		return explanation.strip();
	}

	/**
	 * The request's fingerprint: the same key with a different request is refused, not
	 * silently replayed.
	 */
	private static String hash(ApplicationForm request) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String canonical = request.serviceCode() + "|" + new TreeMap<>(request.fields()) + "|"
					+ request.documentIds() + "|" + request.explanation() + "|" + request.draftId();
			return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
