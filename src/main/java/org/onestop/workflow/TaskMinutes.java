package org.onestop.workflow;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Staff time spent on cases, from the workflow's task history: for the cost proxy of the
 * burden figures (staff minutes per completed case).
 */
@Service
public class TaskMinutes {

	private final TaskHistoryQueries queries;

	TaskMinutes(TaskHistoryQueries queries) {
		this.queries = queries;
	}

	/**
	 * Of each of these process instances that has any, the minutes its completed user
	 * tasks were held by staff: from claiming each task (or its creation, when it was
	 * never claimed) to completing it. Tasks cancelled or still open are not counted.
	 */
	public Map<String, Double> workedMinutes(Collection<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? Map.of() : queries.workedMinutes(processInstanceIds);
	}

}
