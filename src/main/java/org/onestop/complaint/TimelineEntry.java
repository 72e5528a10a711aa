package org.onestop.complaint;

import java.time.Instant;

/**
 * One move on a complaint's timeline. The citizen's view leaves out non-public moves and
 * every actor's name; only the department shows.
 */
record TimelineEntry(Instant at, String kind, String actor, String department, boolean isPublic, String detail) {
}
