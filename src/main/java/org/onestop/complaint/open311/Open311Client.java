package org.onestop.complaint.open311;

import java.time.Instant;

/** A third-party app with an Open311 key, as administrators see it (never the key). */
record Open311Client(String id, String name, Instant createdAt, String createdBy, Instant revokedAt) {
}
