package org.onestop.application.form;

/**
 * One thing the pre-check found, with what to do about it; all of them are reported at
 * once.
 *
 * @param kind FORM (a field), DOCUMENTS (an upload missing) or RULES (the matter's
 * decision table)
 * @param field the field concerned, or null
 */
public record PrecheckProblem(String kind, String code, String field, String message, String remedy) {
}
