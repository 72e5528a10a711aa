package org.onestop.workflow;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one delegate the process uses: it turns a service task into a {@link CaseStep}
 * event.
 */
@Component("caseSteps")
class CaseSteps implements JavaDelegate {

	private final ApplicationEventPublisher events;

	CaseSteps(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		events.publishEvent(new CaseStep(execution.getProcessInstanceBusinessKey(), execution.getProcessInstanceId(),
				execution.getCurrentActivityId()));
	}

}
