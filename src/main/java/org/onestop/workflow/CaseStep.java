package org.onestop.workflow;

/**
 * A step of a case's process that other modules act on, published synchronously inside
 * the engine's transaction: the certificate is issued, the rejection recorded, a deadline
 * warning sent. If the listener fails, the step fails with it and the engine retries or
 * rolls back; nothing is half-done.
 *
 * @param caseId the business key the process was started with
 * @param step the BPMN activity id, e.g. {@code issue}, {@code recordRejection},
 * {@code reviewWarnNotice}
 */
public record CaseStep(String caseId, String processInstanceId, String step) {
}
