package org.onestop.complaint.dispatch;

/**
 * A suggested lead department with the model's probability for it (in [0, 1]);
 * {@code certain} when it comes from a certain category rule, not from the model.
 */
public record Suggestion(String department, double confidence, boolean certain) {
}
