package org.onestop.complaint.open311;

import java.time.OffsetDateTime;

/**
 * A service request as GeoReport v2 shows it to anybody: no reporter, contact details or
 * tracking code ever; for complaints not filed through Open311 no description either, and
 * the place only to about 100 m.
 */
record Open311Request(String serviceRequestId, boolean open, String statusNotes, String serviceName, String serviceCode,
		String description, String agencyResponsible, String serviceNotice, OffsetDateTime requested,
		OffsetDateTime updated, OffsetDateTime expected, String address, Double latitude, Double longitude,
		String mediaUrl) {
}
