package org.onestop.application;

import java.util.UUID;

import org.onestop.appointment.ApplicationOwners;
import org.springframework.stereotype.Component;

/** Answers appointment's question whether an application is the booking citizen's own. */
@Component
class ApplicationOwnership implements ApplicationOwners {

	private final ApplicationStore store;

	ApplicationOwnership(ApplicationStore store) {
		this.store = store;
	}

	@Override
	public boolean belongsTo(UUID applicationId, String citizen, String serviceCode) {
		return applicationId != null && citizen != null && serviceCode != null
				&& store.isApplicants(applicationId, citizen, serviceCode);
	}

}
