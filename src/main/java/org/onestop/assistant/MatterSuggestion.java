package org.onestop.assistant;

/** A matter the assistant suggests, in the asker's language. */
record MatterSuggestion(String code, String name, String department, boolean online) {
}
