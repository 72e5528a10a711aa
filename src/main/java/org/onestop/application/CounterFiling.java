package org.onestop.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.form.FormField;
import org.onestop.application.form.FormView;
import org.onestop.application.form.Forms;
import org.onestop.application.form.Prefill;
import org.onestop.application.vault.DocumentVault;
import org.onestop.application.vault.VaultDocument;
import org.onestop.appointment.Halls;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Matter;
import org.onestop.identity.CitizenAccounts;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Messages;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.queue.CounterTickets;
import org.onestop.queue.CounterTickets.ServedTicket;
import org.onestop.registry.Accessor;
import org.onestop.registry.IdentityMatch;
import org.onestop.registry.PopulationRegistry;
import org.onestop.registry.Registries;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk files an application for the citizen standing at the counter (一窗受理, issue 15):
 * the same form, prefill, pre-check, rules and process as online, the registries read in
 * the clerk's name, and the identity check and consent the clerk confirms kept with the
 * application. The application belongs to the resident: their account's username, or,
 * without one, the lower-case ID number that registering later gives them as a username —
 * so it appears in their account when they register.
 * <p>
 * Who may: a clerk of the matter's department, or a clerk who works at the hall where the
 * citizen's ticket was called. A ticket named must be of a hall the clerk works at.
 */
@Service
public class CounterFiling {

	static final int MAX_READER_NUMBER = 64;

	private final Submissions submissions;

	private final Drafts drafts;

	private final Forms forms;

	private final Catalog catalog;

	private final Prefill prefill;

	private final Registries registries;

	private final DocumentVault vault;

	private final CitizenAccounts accounts;

	private final CounterTickets tickets;

	private final Halls halls;

	private final CounterFilingStore store;

	private final Messages messages;

	private final ApplicationStore applications;

	private final PopulationRegistry population;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CounterFiling(Submissions submissions, Drafts drafts, Forms forms, Catalog catalog, Prefill prefill,
			Registries registries, DocumentVault vault, CitizenAccounts accounts, CounterTickets tickets, Halls halls,
			CounterFilingStore store, Messages messages, ApplicationStore applications, PopulationRegistry population,
			ApplicationEventPublisher events, Clock clock) {
		this.submissions = submissions;
		this.drafts = drafts;
		this.forms = forms;
		this.catalog = catalog;
		this.prefill = prefill;
		this.registries = registries;
		this.vault = vault;
		this.accounts = accounts;
		this.tickets = tickets;
		this.halls = halls;
		this.store = store;
		this.messages = messages;
		this.applications = applications;
		this.population = population;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the clerk sends: the citizen present, the matter, the form's values, the vault
	 * documents, and the two confirmations.
	 *
	 * @param idCardReaderNumber the ID card reader's number, when one was used
	 * @param ticketId the ticket the citizen was called with, if any
	 */
	public record CounterApplication(String idNumber, String serviceCode, Map<String, String> fields,
			List<UUID> documentIds, Boolean identityChecked, Boolean consent, String idCardReaderNumber, UUID ticketId,
			String explanation) {

		public CounterApplication {
			fields = fields == null ? Map.of() : fields;
			documentIds = documentIds == null ? List.of() : documentIds;
		}
	}

	/**
	 * The citizen present, as the counter pages show them.
	 *
	 * @param applicant whom their applications belong to (their account's username, or
	 * the lower-case ID number)
	 * @param account whether they have an account yet
	 */
	public record Present(ResidentIdNumber idNumber, String name, String applicant, boolean account,
			List<VaultDocument> documents) {
	}

	/**
	 * The citizen present, looked up in the population registry in the clerk's name (the
	 * read is in their data-access log); only hall staff look residents up.
	 */
	@Transactional
	public Present present(OneStopUser clerk, String idNumber) {
		requireHallStaff(clerk);
		ResidentIdNumber id = idNumber(idNumber);
		OneStopUser citizen = citizen(clerk, id, null);
		return new Present(id, citizen.displayName(), citizen.username(), accounts.usernameOf(id).isPresent(),
				vault.documentsOf(citizen.username()));
	}

	/**
	 * A ticket called at a counter, as the counter pages name it.
	 *
	 * @param idNumber the appointment holder's ID number; null for a walk-in, whom the
	 * clerk asks for their card
	 */
	public record Called(UUID ticket, String number, String hall, String counter, String serviceCode,
			ResidentIdNumber idNumber) {
	}

	/** A ticket called at a hall where the clerk works. */
	public Called called(OneStopUser clerk, UUID ticketId) {
		requireClerk(clerk);
		ServedTicket ticket = ticket(clerk, ticketId);
		return new Called(ticket.id(), ticket.number(), ticket.hall(), ticket.counter(), ticket.serviceCode(),
				ticket.citizen() == null ? null : accounts.idNumberOf(ticket.citizen()).orElse(null));
	}

	/**
	 * An application this clerk filed at a counter, with its matter's name: the filed
	 * page and its receipt links. Anything else is as good as absent.
	 */
	public Filed filed(OneStopUser clerk, UUID applicationId) {
		requireClerk(clerk);
		Application application = applications.find(applicationId)
			.filter(a -> a.intake().channel() == ContactChannel.COUNTER
					&& clerk.username().equals(a.intake().filedBy()))
			.orElseThrow(() -> new NotFoundException("application.not-found"));
		LocalizedText name = catalog.matter(application.serviceCode(), application.matterVersion())
			.map(m -> m.definition().name())
			.orElse(new LocalizedText(application.serviceCode(), application.serviceCode()));
		return new Filed(application, name);
	}

	/** An application filed at a counter, and its matter's name. */
	public record Filed(Application application, LocalizedText matterName) {
	}

	/**
	 * The matter's form prefilled for the citizen present; nothing is stored but the
	 * registries' log, which names the clerk and the counter application.
	 */
	@Transactional
	public FormView form(OneStopUser clerk, String idNumber, String serviceCode, UUID ticketId) {
		requireClerk(clerk);
		ResidentIdNumber id = idNumber(idNumber);
		Matter matter = catalog.matter(serviceCode == null ? "" : serviceCode.strip())
			.orElseThrow(() -> new NotFoundException("application.form.not-found", serviceCode));
		authorize(clerk, matter, ticketId);
		Forms.StoredForm form = forms.latest(matter.code(), matter.version())
			.orElseThrow(() -> new NotFoundException("application.form.not-found", serviceCode));
		String purpose = purpose(matter.definition().name());
		citizen(clerk, id, purpose);
		Map<String, String> registry = prefill.values(form.definition(), id, reader(clerk), purpose);
		Map<String, String> sources = new LinkedHashMap<>();
		for (FormField field : form.definition().fields()) {
			if (registry.containsKey(field.name())) {
				sources.put(field.name(), field.source());
			}
		}
		return drafts.view(matter, form, null, new LinkedHashMap<>(registry), sources, Map.of(), registry, List.of(),
				null);
	}

	/**
	 * Files the application for the citizen present, or returns the one already filed
	 * under this key for them; the confirmations are kept with it.
	 */
	@Transactional
	public Submissions.Submitted file(OneStopUser clerk, String idempotencyKey, CounterApplication request) {
		requireClerk(clerk);
		List<FieldProblem> missing = new ArrayList<>();
		if (!Boolean.TRUE.equals(request.identityChecked())) {
			missing.add(new FieldProblem("identityChecked", "counter.identity-checked.required"));
		}
		if (!Boolean.TRUE.equals(request.consent())) {
			missing.add(new FieldProblem("consent", "counter.consent.required"));
		}
		String readerNumber = request.idCardReaderNumber() == null || request.idCardReaderNumber().isBlank() ? null
				: request.idCardReaderNumber().strip();
		if (readerNumber != null && readerNumber.length() > MAX_READER_NUMBER) {
			throw new InvalidInputException("idCardReaderNumber", "application.field.too-long");
		}
		ResidentIdNumber id = idNumber(request.idNumber());
		if (request.serviceCode() == null || request.serviceCode().isBlank()) {
			throw new InvalidInputException("serviceCode", "application.service-code.required");
		}
		String code = request.serviceCode().strip();
		Matter matter = catalog.matter(code)
			.orElseThrow(() -> new InvalidInputException("serviceCode", "application.service-code.unknown", code));
		ServedTicket ticket = authorize(clerk, matter, request.ticketId());
		if (!missing.isEmpty()) {
			throw new CounterConfirmationMissingException(missing);
		}
		OneStopUser citizen = citizen(clerk, id, purpose(matter.definition().name()));
		Intake intake = new Intake(ContactChannel.COUNTER, ticket == null ? null : ticket.hall(),
				ticket == null ? null : ticket.counter(), clerk.username(), clerk.displayName());
		Submissions.Submitted submitted = submissions.submit(citizen, idempotencyKey,
				new ApplicationForm(code, request.fields(), request.documentIds(), request.explanation(), null), null,
				intake, reader(clerk));
		if (!submitted.replayed()) {
			store.confirm(submitted.application().id(), readerNumber, ticket == null ? null : ticket.id(),
					clerk.username(), clerk.displayName(), clock.instant());
			events.publishEvent(
					new FiledAtCounter(clerk.username(), submitted.application().id(), id, readerNumber != null));
		}
		return submitted;
	}

	/**
	 * Puts a paper the citizen brought into their vault, scanned by the clerk: the same
	 * checks and quota as a citizen's upload.
	 */
	@Transactional
	public VaultDocument scan(OneStopUser clerk, String idNumber, String title, InputStream content)
			throws IOException {
		requireHallStaff(clerk);
		OneStopUser citizen = citizen(clerk, idNumber(idNumber), null);
		return vault.scan(citizen.username(), title, content, clerk.username());
	}

	private static void requireClerk(OneStopUser clerk) {
		if (clerk == null || !clerk.staff() || !clerk.has(Role.CLERK)) {
			throw new ForbiddenException("counter.forbidden");
		}
	}

	/**
	 * A clerk working the counters of some service hall: whoever calls a ticket works at
	 * its hall, so this covers the clerk serving a called resident too.
	 */
	private void requireHallStaff(OneStopUser clerk) {
		requireClerk(clerk);
		if (!halls.worksAtAHall(clerk.username())) {
			throw new ForbiddenException("counter.forbidden");
		}
	}

	/**
	 * The clerk's right to file this matter: of its department, or at the hall where the
	 * ticket was called. Returns the ticket, if one was named.
	 */
	private ServedTicket authorize(OneStopUser clerk, Matter matter, UUID ticketId) {
		ServedTicket ticket = ticketId == null ? null : ticket(clerk, ticketId);
		if (ticket == null && !matter.definition().department().equals(clerk.departmentCode())) {
			throw new ForbiddenException("counter.forbidden");
		}
		return ticket;
	}

	/** A ticket called at a hall where the clerk works; 403 for another hall's. */
	private ServedTicket ticket(OneStopUser clerk, UUID ticketId) {
		ServedTicket ticket = tickets.find(ticketId)
			.orElseThrow(() -> new InvalidInputException("ticketId", "counter.ticket.unknown"));
		if (!halls.worksAt(clerk.username(), ticket.hall())) {
			throw new ForbiddenException("counter.forbidden");
		}
		if (!ticket.called()) {
			throw new InvalidInputException("ticketId", "counter.ticket.not-called");
		}
		return ticket;
	}

	private static ResidentIdNumber idNumber(String idNumber) {
		if (idNumber == null || ResidentIdNumber.check(idNumber).isPresent()) {
			throw new InvalidInputException("idNumber", "counter.id-number.invalid");
		}
		return ResidentIdNumber.parse(idNumber);
	}

	/**
	 * The resident as the application's owner: in the population registry (their name
	 * read in the clerk's name), with their account's username or the lower-case ID
	 * number.
	 */
	private OneStopUser citizen(OneStopUser clerk, ResidentIdNumber id, String purpose) {
		if (population.match(id, "") == IdentityMatch.NO_SUCH_ID_NUMBER) {
			throw new InvalidInputException("idNumber", "counter.resident.unknown");
		}
		String why = purpose != null ? purpose : sentence("counter.purpose.identity", null);
		String name = registries.read(id, List.of("population.name"), reader(clerk), why).get("population.name");
		if (name == null) {
			throw new InvalidInputException("idNumber", "counter.resident.unknown");
		}
		String applicant = accounts.usernameOf(id).orElse(id.value().toLowerCase());
		return new OneStopUser(applicant, name, false, id.value(), null, Set.of());
	}

	private static Accessor reader(OneStopUser clerk) {
		return Accessor.official(clerk.username(), clerk.departmentCode());
	}

	/** Why the registries are read: the counter application for this matter. */
	private String purpose(LocalizedText matter) {
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, "counter.purpose.form", matter.zh()),
				messages.get(Locale.ENGLISH, "counter.purpose.form", matter.in(Locale.ENGLISH)))
			.packed();
	}

	private String sentence(String key, Object argument) {
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, key, argument),
				messages.get(Locale.ENGLISH, key, argument))
			.packed();
	}

}
