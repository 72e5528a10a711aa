package org.onestop.application.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.ApplicationForm;
import org.onestop.application.ApplicationPrepared;
import org.onestop.application.HotlineCalls;
import org.onestop.application.Intake;
import org.onestop.application.Submissions;
import org.onestop.application.form.FormField;
import org.onestop.appointment.Halls;
import org.onestop.catalog.Catalog;
import org.onestop.application.hotline.PreparedApplication.Status;
import org.onestop.identity.CitizenAccounts;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.Messages;
import org.onestop.platform.ConflictException;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.InvalidRequestException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.UnprocessableException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.Accessor;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications prepared on the hotline. An agent prepares one for a resident from a call
 * (the form prefilled, each registry read logged in the agent's name); the resident gets
 * an inbox message and confirms or declines it, online or at a counter; confirming
 * submits it through the HOTLINE channel in the agent's name, exactly once however often
 * and wherever it is confirmed. Another resident's prepared application answers 404.
 */
@Service
public class PreparedApplications {

	/** How long a prepared application waits for the citizen. */
	static final Duration VALID_FOR = Duration.ofDays(30);

	private static final int MAX_VALUE = 2000;

	private final PreparedStore store;

	private final PreparedForms forms;

	private final Submissions submissions;

	private final PopulationRegistry population;

	private final CitizenAccounts accounts;

	private final HotlineCalls calls;

	private final Inbox inbox;

	private final ApplicationEventPublisher events;

	private final Catalog catalog;

	private final Halls halls;

	private final Registries registries;

	private final Messages messages;

	private final Clock clock;

	PreparedApplications(PreparedStore store, PreparedForms forms, Submissions submissions,
			PopulationRegistry population, CitizenAccounts accounts, HotlineCalls calls, Inbox inbox,
			ApplicationEventPublisher events, Catalog catalog, Halls halls, Registries registries, Messages messages,
			Clock clock) {
		this.catalog = catalog;
		this.halls = halls;
		this.registries = registries;
		this.messages = messages;
		this.store = store;
		this.forms = forms;
		this.submissions = submissions;
		this.population = population;
		this.accounts = accounts;
		this.calls = calls;
		this.inbox = inbox;
		this.events = events;
		this.clock = clock;
	}

	/** What an agent sends: the caller's ID number, the matter, what they typed. */
	public record PrepareCommand(String idNumber, String serviceCode, Map<String, String> fields, UUID callId) {

		public PrepareCommand {
			fields = fields == null ? Map.of() : fields;
		}
	}

	/** A prepared application made now, or the one the same key made before. */
	public record Prepared(PreparedView prepared, boolean replayed) {
	}

	/** A prepared application with its matter's form, as people read it now. */
	public record PreparedView(PreparedApplication prepared, Status status, PreparedForms.Filled form) {

		public UUID id() {
			return prepared.id();
		}

	}

	/**
	 * The form an agent fills in for a caller: the resident must be in the population
	 * registry; the registries are read in the agent's name for the hotline call.
	 */
	@Transactional
	public PreparedForms.Filled form(OneStopUser agent, String idNumber, String serviceCode) {
		agent(agent);
		ResidentIdNumber resident = resident(idNumber);
		return forms.prefilled(resident, serviceCode, accessor(agent));
	}

	/** The calls and conversations the agent took in the last day, to name the one. */
	public List<HotlineCalls.Call> recentCalls(OneStopUser agent) {
		agent(agent);
		return calls.recent(agent.username());
	}

	/** One the agent prepared; anyone else's answers 404. */
	@Transactional(readOnly = true)
	public PreparedView preparedBy(OneStopUser agent, UUID id) {
		agent(agent);
		return view(store.find(id)
			.filter(p -> p.preparedBy().equals(agent.username()))
			.orElseThrow(() -> new NotFoundException("hotline.not-found")));
	}

	/** Prepares an application for a caller; nothing is submitted. */
	@Transactional
	public Prepared prepare(OneStopUser agent, String idempotencyKey, PrepareCommand command) {
		agent(agent);
		String key = idempotencyKey == null ? "" : idempotencyKey.strip();
		if (key.isEmpty() || key.length() > 200) {
			throw new InvalidRequestException("application.idempotency-key.required");
		}
		var earlier = store.byKey(agent.username(), key);
		if (earlier.isPresent()) {
			return replay(earlier.get(), command);
		}
		ResidentIdNumber resident = resident(command.idNumber());
		HotlineCalls.Call call = null;
		if (command.callId() != null) {
			call = calls.takenBy(agent.username(), command.callId())
				.orElseThrow(() -> new InvalidInputException("callId", "hotline.call.unknown"));
		}
		PreparedForms.Filled form = forms.prefilled(resident, command.serviceCode(), accessor(agent));
		Map<String, String> typed = typed(form, command.fields());
		Instant now = clock.instant();
		PreparedApplication prepared = new PreparedApplication(UUID.randomUUID(), accounts.usernameFor(resident),
				resident.value(), form.residentName(), form.serviceCode(), typed, form.prefilled(), agent.username(),
				agent.displayName(), call == null ? null : call.id(), call == null ? null : call.topic(),
				call == null ? null : call.at(), Status.PENDING, now, now.plus(VALID_FOR), null, null, null, null);
		if (!store.insert(prepared, key)) {
			// The same key at the same moment on another node: that one stands.
			return replay(store.byKey(agent.username(), key).orElseThrow(), command);
		}
		inbox.send(new Message(prepared.applicant(), "hotline.inbox.subject",
				List.of(Message.named(form.matterName()), agent.displayName()),
				"/applications/prepared/" + prepared.id(), "APPLICATION_PREPARED"));
		events.publishEvent(new ApplicationPrepared(agent.username(), prepared.id(), resident.value(),
				prepared.serviceCode(), "PREPARED"));
		return new Prepared(view(prepared), false);
	}

	/**
	 * The earlier answer to a key used again, when it was for the same caller and matter;
	 * the same key for another caller or matter is a client's mistake, refused as the
	 * citizen's own submissions refuse it.
	 */
	private Prepared replay(PreparedApplication earlier, PrepareCommand command) {
		String idNumber = command.idNumber() == null ? "" : command.idNumber().strip().toUpperCase(Locale.ROOT);
		if (!earlier.applicantIdNumber().equals(idNumber) || !earlier.serviceCode().equals(command.serviceCode())) {
			throw new UnprocessableException("application.idempotency-key.reused");
		}
		return new Prepared(view(earlier), true);
	}

	/** The citizen's prepared applications, newest first; expired ones are marked so. */
	@Transactional
	public List<PreparedView> mine(OneStopUser citizen) {
		return ofResident(citizen.idNumber()).stream()
			.filter(p -> citizen.mayActOn(p.prepared().serviceCode()))
			.toList();
	}

	/** One of the citizen's prepared applications; another's answers 404. */
	@Transactional(readOnly = true)
	public PreparedView one(OneStopUser citizen, UUID id) {
		return view(own(citizen, store.find(id).orElse(null)));
	}

	/**
	 * The citizen confirms: submitted with what they corrected of the typed values, in
	 * the agent's name through the HOTLINE channel. Confirming again gives the same
	 * application.
	 */
	@Transactional
	public PreparedView confirm(OneStopUser citizen, UUID id, Map<String, String> corrections, String explanation) {
		PreparedApplication p = own(citizen, store.lock(id).orElse(null));
		return submit(p, citizen, corrections, explanation, false, citizen.actor(), null, null, Accessor.system());
	}

	/** The citizen declines: nothing is submitted, and it can no longer be confirmed. */
	@Transactional
	public PreparedView decline(OneStopUser citizen, UUID id) {
		PreparedApplication p = own(citizen, store.lock(id).orElse(null));
		Status status = p.status(clock.instant());
		if (status == Status.DECLINED) {
			return view(p);
		}
		open(status);
		store.closed(p.id(), Status.DECLINED, clock.instant());
		events.publishEvent(
				new ApplicationPrepared(citizen.actor(), p.id(), p.applicantIdNumber(), p.serviceCode(), "DECLINED"));
		return view(store.find(id).orElseThrow());
	}

	/**
	 * What the hotline prepared for the resident present at a counter, still waiting for
	 * them: a clerk's list, holding only what this clerk may confirm. What it shows came
	 * from the registries, so showing any is logged in the resident's data-access log in
	 * the clerk's name.
	 */
	@Transactional
	public List<PreparedView> pendingFor(OneStopUser clerk, String idNumber) {
		clerk(clerk);
		ResidentIdNumber resident = resident(idNumber);
		List<PreparedView> pending = ofResident(resident.value()).stream()
			.filter(p -> p.status() == Status.PENDING)
			.filter(p -> mayConfirm(clerk, p.prepared().serviceCode()))
			.toList();
		if (!pending.isEmpty()) {
			registries.read(resident, List.of("population.name"), accessor(clerk), counterPurpose());
		}
		return pending;
	}

	/**
	 * The resident present confirms at a counter: the clerk saw their ID card and has
	 * their consent (both refused beside their field otherwise).
	 */
	@Transactional
	public PreparedView confirmAtCounter(OneStopUser clerk, String idNumber, UUID id, boolean identityChecked,
			boolean consent, Map<String, String> corrections, String explanation) {
		clerk(clerk);
		ResidentIdNumber present = resident(idNumber);
		List<FieldProblem> missing = new ArrayList<>();
		if (!identityChecked) {
			missing.add(new FieldProblem("identityChecked", "hotline.counter.identity-checked.required"));
		}
		if (!consent) {
			missing.add(new FieldProblem("consent", "hotline.counter.consent.required"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException(missing);
		}
		PreparedApplication p = store.lock(id)
			.filter(x -> x.applicantIdNumber().equals(present.value()))
			.orElseThrow(() -> new NotFoundException("hotline.not-found"));
		if (!mayConfirm(clerk, p.serviceCode())) {
			throw new ForbiddenException("hotline.counter.forbidden");
		}
		OneStopUser citizen = new OneStopUser(accounts.usernameFor(present), p.applicantName(), false, present.value(),
				null, Set.of());
		return submit(p, citizen, corrections, explanation, true, clerk.username(), true, true, accessor(clerk));
	}

	/**
	 * As at counter filing: a clerk of the matter's department, or one working at a hall
	 * that serves the matter (a hall's clerks take every matter the hall serves, 一窗受理).
	 */
	private boolean mayConfirm(OneStopUser clerk, String serviceCode) {
		boolean department = catalog.matter(serviceCode)
			.map(m -> m.definition().department().equals(clerk.departmentCode()))
			.orElse(false);
		return department || halls.worksAtAHallServing(clerk.username(), serviceCode);
	}

	private String counterPurpose() {
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, "hotline.counter.purpose"),
				messages.get(Locale.ENGLISH, "hotline.counter.purpose"))
			.packed();
	}

	private PreparedView submit(PreparedApplication p, OneStopUser applicant, Map<String, String> corrections,
			String explanation, boolean atCounter, String by, Boolean identityChecked, Boolean consent,
			Accessor reader) {
		Status status = p.status(clock.instant());
		if (status == Status.CONFIRMED) {
			return view(p);
		}
		open(status);
		Map<String, String> fields = new LinkedHashMap<>(p.fields());
		if (corrections != null) {
			corrections.forEach((name, value) -> {
				if (name != null && value != null && !p.prefilled().containsKey(name)) {
					fields.put(name, value);
				}
			});
		}
		fields.values().removeIf(v -> v == null || v.isBlank());
		Submissions.Submitted submitted = submissions.submit(applicant, "prepared:" + p.id(),
				new ApplicationForm(p.serviceCode(), fields, List.of(), explanation, null),
				new Intake(ContactChannel.HOTLINE, null, null, p.preparedBy(), p.preparedByName()), reader);
		store.confirmed(p.id(), submitted.application().id(), atCounter, by, identityChecked, consent, clock.instant());
		events.publishEvent(new ApplicationPrepared(by, p.id(), p.applicantIdNumber(), p.serviceCode(), "CONFIRMED"));
		return view(store.find(p.id()).orElseThrow());
	}

	private List<PreparedView> ofResident(String idNumber) {
		Instant now = clock.instant();
		List<PreparedView> views = new ArrayList<>();
		for (PreparedApplication p : store.ofResident(idNumber)) {
			if (p.status() == Status.PENDING && p.status(now) == Status.EXPIRED) {
				// Decided lazily: whichever node reads it first marks it.
				store.closed(p.id(), Status.EXPIRED, now);
				events.publishEvent(
						new ApplicationPrepared("system", p.id(), p.applicantIdNumber(), p.serviceCode(), "EXPIRED"));
			}
			views.add(view(p));
		}
		return views;
	}

	private PreparedApplication own(OneStopUser citizen, PreparedApplication p) {
		if (p == null || citizen.idNumber() == null || !p.applicantIdNumber().equals(citizen.idNumber())) {
			throw new NotFoundException("hotline.not-found");
		}
		if (!citizen.mayActOn(p.serviceCode())) {
			throw new ForbiddenException("hotline.outside-mandate");
		}
		return p;
	}

	private static void open(Status status) {
		switch (status) {
			case DECLINED -> throw new ConflictException("hotline.declined");
			case EXPIRED -> throw new ConflictException("hotline.expired");
			case CONFIRMED -> throw new ConflictException("hotline.confirmed");
			case PENDING -> {
			}
		}
	}

	private PreparedView view(PreparedApplication p) {
		return new PreparedView(p, p.status(clock.instant()), forms.filled(p));
	}

	private Map<String, String> typed(PreparedForms.Filled form, Map<String, String> fields) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> typed = new LinkedHashMap<>();
		fields.forEach((name, raw) -> {
			if (name == null || raw == null || raw.isBlank()) {
				return;
			}
			FormField field = form.field(name);
			if (field == null || form.prefilled().containsKey(name)) {
				problems.add(new FieldProblem(name, "application.field.unknown", name));
			}
			else if (raw.strip().length() > (field.maxLength() == null ? MAX_VALUE : field.maxLength())) {
				problems.add(new FieldProblem(name, "application.field.too-long"));
			}
			else {
				typed.put(name, raw.strip());
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return typed;
	}

	private ResidentIdNumber resident(String idNumber) {
		String typed = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
		if (ResidentIdNumber.check(typed).isPresent()) {
			throw new InvalidInputException("idNumber", "hotline.id-number.invalid");
		}
		ResidentIdNumber resident = ResidentIdNumber.parse(typed);
		if (!population.agedAtLeast(resident, 0, LocalDate.now(clock))) {
			throw new InvalidInputException("idNumber", "hotline.id-number.unknown");
		}
		return resident;
	}

	private static Accessor accessor(OneStopUser staff) {
		return Accessor.official(staff.username(), staff.department());
	}

	private static void agent(OneStopUser user) {
		if (user == null || !user.staff() || !user.has(Role.AGENT)) {
			throw new ForbiddenException("hotline.agent.forbidden");
		}
	}

	private static void clerk(OneStopUser user) {
		if (user == null || !user.staff() || !user.has(Role.CLERK)) {
			throw new ForbiddenException("hotline.clerk.forbidden");
		}
	}

}
