/**
 * The workflow engine (Flowable BPMN and DMN) behind a small API: start a case's process,
 * the staff task inbox, claim and complete, and pre-check decisions. This is the only
 * module that may import Flowable, so that the engine stays a replaceable detail of how
 * cases move.
 */
@ApplicationModule(displayName = "Workflow", allowedDependencies = { "shared", "platform" })
package org.onestop.workflow;

import org.springframework.modulith.ApplicationModule;
