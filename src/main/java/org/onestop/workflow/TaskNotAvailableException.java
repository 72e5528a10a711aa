package org.onestop.workflow;

import org.onestop.platform.ConflictException;

/**
 * Somebody else holds the task, or it was completed meanwhile (by another node, perhaps).
 */
class TaskNotAvailableException extends ConflictException {

	TaskNotAvailableException() {
		super("workflow.task.taken");
	}

}
