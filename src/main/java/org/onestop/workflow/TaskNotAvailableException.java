package org.onestop.workflow;

import org.onestop.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Somebody else holds the task, or it was completed meanwhile (by another node, perhaps). */
public class TaskNotAvailableException extends ProblemException {

	TaskNotAvailableException() {
		super(HttpStatus.CONFLICT, "workflow.task.taken");
	}
}
