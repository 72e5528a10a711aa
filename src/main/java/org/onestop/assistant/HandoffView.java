package org.onestop.assistant;

/**
 * Where the handoff stands, as the citizen sees it; position and wait only while queued.
 */
record HandoffView(Handoff state, Integer position, Integer estimatedWaitMinutes) {
}
