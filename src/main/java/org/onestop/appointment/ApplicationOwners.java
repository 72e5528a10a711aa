package org.onestop.appointment;

import java.util.UUID;

/**
 * Whether an application is a citizen's own: the application module knows, and implements
 * this port (application reaches appointment through the catalog, so appointment calling
 * application would be a cycle). A booking may name only one of the booking citizen's
 * applications.
 */
public interface ApplicationOwners {

	boolean belongsTo(UUID applicationId, String citizen);

}
