package org.onestop.appointment;

import java.util.UUID;

/**
 * Whether an application is a citizen's own: the application module knows, and implements
 * this port (application reaches appointment through the catalog, so appointment calling
 * application would be a cycle). A booking may name only one of the booking citizen's
 * applications, and only one of the booked matter (a representative's mandate covers the
 * booked matter, so the application is within it too).
 */
public interface ApplicationOwners {

	boolean belongsTo(UUID applicationId, String citizen, String serviceCode);

}
