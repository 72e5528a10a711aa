package org.onestop.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onestop.application.form.Prefill;
import org.onestop.identity.ActedFor;
import org.onestop.identity.OneStopUser;
import org.onestop.platform.ForbiddenException;
import org.onestop.registry.Accessor;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * What changes when a representative acts for the applicant (授权代办, issue 15): the
 * mandate's matters limit what may be done, registry reads name the representative, and
 * every action is recorded in both names — on the timeline and in the grantor's record of
 * what was done for them.
 */
@Component
class MandateScope {

	/** The timeline detail that names the representative to the citizen. */
	static final String REPRESENTATIVE = "representative";

	private final ActedFor actedFor;

	private final Prefill prefill;

	MandateScope(ActedFor actedFor, Prefill prefill) {
		this.actedFor = actedFor;
		this.prefill = prefill;
	}

	/**
	 * Refuses (403) acting on a matter outside the mandate; acting for oneself passes.
	 */
	static void mayAct(OneStopUser user, String serviceCode) {
		if (!user.mayActOn(serviceCode)) {
			throw new ForbiddenException("acting.matter.outside");
		}
	}

	/**
	 * Whether this user may see an application of this matter (outside: it is not there).
	 */
	static boolean covers(OneStopUser user, Application application) {
		return user.mayActOn(application.serviceCode());
	}

	/** How a representative's submission reaches the city; otherwise the given intake. */
	static Intake intake(OneStopUser user, Intake otherwise) {
		if (!user.represented()) {
			return otherwise;
		}
		return new Intake(ContactChannel.DELEGATED, null, null, user.representedBy().username(),
				user.representedBy().displayName());
	}

	/** Who reads the registries for the form: the representative, or OneStop itself. */
	static Accessor accessor(OneStopUser user) {
		return user.represented() ? Accessor.citizen(user.representedBy().username()) : Accessor.system();
	}

	/**
	 * The purpose of a registry read, with "代办" and the representative's name when acted
	 * for.
	 */
	String purpose(OneStopUser user, String purpose) {
		return user.represented() ? prefill.represented(purpose, user.representedBy().displayName()) : purpose;
	}

	/** A timeline entry's detail, naming the representative when there is one. */
	static Map<String, Object> detail(OneStopUser user, Map<String, ?> detail) {
		Map<String, Object> named = new HashMap<>(detail);
		if (user.represented()) {
			named.put(REPRESENTATIVE, user.representedBy().displayName());
		}
		return named;
	}

	/**
	 * Records, in the caller's transaction, what a representative did on an application.
	 */
	void record(OneStopUser user, String what, Application application) {
		actedFor.record(user, what, List.of(application.reference() == null ? "" : application.reference()),
				"/applications/" + application.id());
	}

}
