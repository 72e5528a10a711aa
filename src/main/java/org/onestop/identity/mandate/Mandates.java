package org.onestop.identity.mandate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.onestop.identity.CounterStaff;
import org.onestop.identity.MandateChanged;
import org.onestop.identity.MatterNames;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.notification.Inbox;
import org.onestop.notification.Message;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.NotFoundException;
import org.onestop.platform.ProblemException.FieldProblem;
import org.onestop.registry.IdentityMatch;
import org.onestop.registry.PopulationRegistry;
import org.onestop.shared.ResidentIdNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting, recording at a counter and revoking mandates (授权代办). A mandate names a
 * resident other than the grantor, all matters or chosen published ones, and a last day
 * after today and at most a year ahead. Grantor and representative each get an inbox
 * message; every change is audited.
 */
@Service
class Mandates {

	private final MandateStore store;

	private final PopulationRegistry registry;

	private final MatterNames matters;

	private final Inbox inbox;

	private final ApplicationEventPublisher events;

	private final Acting acting;

	private final CounterStaff counterStaff;

	private final Clock clock;

	private final MandateRefusals refusals;

	Mandates(MandateStore store, PopulationRegistry registry, MatterNames matters, Inbox inbox,
			ApplicationEventPublisher events, Acting acting, CounterStaff counterStaff, Clock clock,
			MandateRefusals refusals) {
		this.refusals = refusals;
		this.counterStaff = counterStaff;
		this.store = store;
		this.registry = registry;
		this.matters = matters;
		this.inbox = inbox;
		this.events = events;
		this.acting = acting;
		this.clock = clock;
	}

	/**
	 * What a grantor asks for.
	 *
	 * @param representativeName optional on the API; when given it must match the
	 * registry
	 * @param serviceCodes empty for all matters
	 */
	record Grant(String representativeIdNumber, String representativeName, List<String> serviceCodes, LocalDate until) {
	}

	/** A mandate recorded at a counter for a grantor who cannot use a phone. */
	record CounterGrant(String grantorIdNumber, String grantorName, Grant grant, boolean idCardsSeen,
			Signature signature) {
	}

	@Transactional
	Mandate grant(OneStopUser grantor, Grant grant) {
		refuseRepresentatives(grantor);
		if (grantor.staff()) {
			throw new ForbiddenException("mandate.refused.staff");
		}
		refusals.check(grantor.username());
		List<FieldProblem> problems = new ArrayList<>();
		String representativeName = checked(grantor.idNumber(), grant, problems);
		if (!problems.isEmpty()) {
			if (problems.stream().anyMatch(Mandates::registryAnswer)) {
				refusals.refused(grantor.username());
			}
			throw new MandateRefused(problems);
		}
		Mandate mandate = new Mandate(UUID.randomUUID(), grantor.idNumber(), grantor.displayName(),
				ResidentIdNumber.parse(grant.representativeIdNumber()).value(), representativeName,
				codes(grant.serviceCodes()), grant.until(), Mandate.How.ONLINE, clock.instant(), grantor.username(),
				null, null);
		store.add(mandate);
		tell(mandate, "granted");
		events.publishEvent(new MandateChanged(mandate.id(), MandateChanged.Change.GRANTED, grantor.username(),
				mandate.grantorIdNumber(), mandate.representativeIdNumber()));
		return mandate;
	}

	@Transactional
	Mandate recordAtCounter(OneStopUser clerk, CounterGrant counter) {
		if (!clerk.staff() || !clerk.has(Role.CLERK)) {
			throw new ForbiddenException("mandate.refused.not-clerk");
		}
		// Only a clerk working the counters of a service hall sees both ID cards.
		if (!counterStaff.worksAtAHall(clerk.username())) {
			throw new ForbiddenException("mandate.refused.not-hall-staff");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String grantor = null;
		if (ResidentIdNumber.check(counter.grantorIdNumber()).isPresent()) {
			problems.add(new FieldProblem("grantorIdNumber", "mandate.grantor.id-number"));
		}
		else {
			grantor = ResidentIdNumber.parse(counter.grantorIdNumber()).value();
			if (blank(counter.grantorName())
					|| registry.match(new ResidentIdNumber(grantor), counter.grantorName()) != IdentityMatch.MATCHED) {
				problems.add(new FieldProblem("grantorName", "mandate.grantor.no-match"));
			}
		}
		if (blank(counter.grant().representativeName())) {
			problems.add(new FieldProblem("representativeName", "mandate.representative.name-required"));
		}
		String representativeName = checked(grantor, counter.grant(), problems);
		if (!counter.idCardsSeen()) {
			problems.add(new FieldProblem("idCardsSeen", "mandate.counter.id-cards-seen"));
		}
		counter.signature().check(problems);
		if (!problems.isEmpty()) {
			throw new MandateRefused(problems);
		}
		Grant grant = counter.grant();
		Mandate mandate = new Mandate(UUID.randomUUID(), grantor, counter.grantorName().strip(),
				ResidentIdNumber.parse(grant.representativeIdNumber()).value(), representativeName,
				codes(grant.serviceCodes()), grant.until(), Mandate.How.COUNTER, clock.instant(), clerk.username(),
				null, null);
		store.add(mandate);
		store.addSignature(mandate.id(), counter.signature().fileName(), counter.signature().contentType(),
				counter.signature().content());
		tell(mandate, "granted");
		events.publishEvent(new MandateChanged(mandate.id(), MandateChanged.Change.RECORDED_AT_COUNTER,
				clerk.username(), mandate.grantorIdNumber(), mandate.representativeIdNumber()));
		return mandate;
	}

	/**
	 * Revokes one of the grantor's own mandates at once; another's, or an unknown id, is
	 * not found. Revoking a revoked one changes nothing.
	 */
	@Transactional
	void revoke(OneStopUser grantor, String id) {
		refuseRepresentatives(grantor);
		UUID uuid = uuid(id);
		Mandate mandate = grantor.idNumber() == null || uuid == null ? null
				: store.ofGrantor(uuid, grantor.idNumber()).orElse(null);
		if (mandate == null) {
			throw new NotFoundException("mandate.not-found");
		}
		if (store.revoke(uuid, grantor.idNumber(), grantor.username(), clock.instant())) {
			tell(mandate, "revoked");
			events.publishEvent(new MandateChanged(uuid, MandateChanged.Change.REVOKED, grantor.username(),
					mandate.grantorIdNumber(), mandate.representativeIdNumber()));
		}
	}

	List<Mandate> given(OneStopUser citizen) {
		return citizen.idNumber() == null ? List.of() : store.given(citizen.idNumber());
	}

	List<Mandate> received(OneStopUser citizen) {
		return citizen.idNumber() == null ? List.of() : store.received(citizen.idNumber());
	}

	/** A refusal that says something about the registry (and so is counted). */
	private static boolean registryAnswer(FieldProblem problem) {
		return "mandate.representative.not-resident".equals(problem.messageKey())
				|| "mandate.representative.no-match".equals(problem.messageKey());
	}

	private String checked(String grantorIdNumber, Grant grant, List<FieldProblem> problems) {
		String name = null;
		if (ResidentIdNumber.check(grant.representativeIdNumber()).isPresent()) {
			problems.add(new FieldProblem("representativeIdNumber", "mandate.representative.id-number"));
		}
		else {
			ResidentIdNumber representative = ResidentIdNumber.parse(grant.representativeIdNumber());
			IdentityMatch match = registry.match(representative,
					blank(grant.representativeName()) ? "" : grant.representativeName());
			if (representative.value().equals(grantorIdNumber)) {
				problems.add(new FieldProblem("representativeIdNumber", "mandate.representative.self"));
			}
			else if (match == IdentityMatch.NO_SUCH_ID_NUMBER) {
				problems.add(new FieldProblem("representativeIdNumber", "mandate.representative.not-resident"));
			}
			else if (!blank(grant.representativeName()) && match != IdentityMatch.MATCHED) {
				problems.add(new FieldProblem("representativeName", "mandate.representative.no-match"));
			}
			else if (!blank(grant.representativeName())) {
				name = grant.representativeName().strip();
			}
		}
		LocalDate today = acting.today();
		if (grant.until() == null) {
			problems.add(new FieldProblem("until", "mandate.until.required"));
		}
		else if (!grant.until().isAfter(today)) {
			problems.add(new FieldProblem("until", "mandate.until.past"));
		}
		else if (grant.until().isAfter(today.plusYears(1))) {
			problems.add(new FieldProblem("until", "mandate.until.too-far"));
		}
		List<String> codes = codes(grant.serviceCodes());
		if (matters.names(codes).size() != codes.size()) {
			problems.add(new FieldProblem("serviceCodes", "mandate.service-codes.unknown"));
		}
		return name;
	}

	private void tell(Mandate mandate, String what) {
		String representative = mandate.representativeName() != null ? mandate.representativeName()
				: new ResidentIdNumber(mandate.representativeIdNumber()).masked();
		store.account(mandate.grantorIdNumber())
			.ifPresent(a -> inbox.send(new Message(a.username(), "mandate.inbox." + what + ".grantor",
					List.of(representative, mandate.until().toString()), "/account/mandates",
					"MANDATE_" + what.toUpperCase())));
		store.account(mandate.representativeIdNumber())
			.ifPresent(a -> inbox.send(new Message(a.username(), "mandate.inbox." + what + ".representative",
					List.of(mandate.grantorName(), mandate.until().toString()), "/account/mandates",
					"MANDATE_" + what.toUpperCase())));
	}

	private static void refuseRepresentatives(OneStopUser user) {
		// The server refuses, not only the page: a representative never grants onward.
		if (user.represented()) {
			throw new ForbiddenException("mandate.refused.onward");
		}
	}

	private static List<String> codes(List<String> serviceCodes) {
		if (serviceCodes == null) {
			return List.of();
		}
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		serviceCodes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(codes::add);
		return List.copyOf(codes);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
