package org.onestop.complaint;

import java.util.UUID;

/** A complaint just filed: the tracking code opens it without signing in. */
public record Filed(UUID id, String trackingCode, ComplaintStatus status) {
}
