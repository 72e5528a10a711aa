package org.onestop.complaint.dispatch;

/** A suggested lead department and how sure the suggestion is (0 to 1). */
public record Suggestion(String department, double confidence, boolean certain) {
}
