package org.onestop.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases in motion: start a case's process, see and work the tasks a person's department
 * and roles may work on, and hand the citizen's answer back to a waiting process.
 * Everything runs in the caller's transaction, so an application and its process commit
 * or roll back together.
 */
@Service
public class Workflow {

	/**
	 * Kept as a process variable too, so that task queries carry it without a second
	 * query per task.
	 */
	private static final String CASE_ID = "caseId";

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final InboxQueries inboxes;

	Workflow(RuntimeService runtime, TaskService tasks, InboxQueries inboxes) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.inboxes = inboxes;
	}

	/**
	 * Starts a process for a case and runs it up to its first wait state; returns the
	 * process instance id.
	 */
	@Transactional
	public String start(String processKey, String caseId, Map<String, Object> variables) {
		return process(processKey, caseId, variables).start().getId();
	}

	/**
	 * As {@link #start(String, String, Map)}, under a process instance id chosen by the
	 * caller, so that the case's row can name its process when it is first written.
	 */
	@Transactional
	public void start(String processKey, String caseId, String processInstanceId, Map<String, Object> variables) {
		process(processKey, caseId, variables).predefineProcessInstanceId(processInstanceId).start();
	}

	/** A case's process: the case id as business key and as a variable. */
	private ProcessInstanceBuilder process(String processKey, String caseId, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put(CASE_ID, caseId);
		return runtime.createProcessInstanceBuilder()
			.processDefinitionKey(processKey)
			.businessKey(caseId)
			.variables(all);
	}

	/** One page of an inbox, and how many tasks the whole inbox holds. */
	public record TaskPage(List<WorkTask> tasks, long total) {
	}

	/**
	 * The tasks these groups may work on, and those assigned to the person, oldest first
	 * (then by id, so that tasks created in the same millisecond keep their place from
	 * page to page): {@code max} of them from {@code first}.
	 */
	public TaskPage inbox(String username, Collection<String> groups, int first, int max) {
		long total = inboxes.count(username, groups);
		if (first >= total) {
			return new TaskPage(List.of(), total);
		}
		return new TaskPage(inboxes.page(username, groups, total, first, max), total);
	}

	/** The open tasks of one case, whoever may work on them. */
	public List<WorkTask> tasksOf(String processInstanceId) {
		return tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.includeIdentityLinks()
			.includeProcessVariables()
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	public Optional<WorkTask> task(String taskId) {
		return Optional.ofNullable(
				tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().includeProcessVariables().singleResult())
			.map(this::view);
	}

	/** Takes a task; a task someone else holds (or that is gone) is refused with 409. */
	@Transactional
	public void claim(String taskId, String username) {
		try {
			Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				throw new TaskNotAvailableException();
			}
			if (username.equals(task.getAssignee())) {
				return;
			}
			tasks.claim(taskId, username);
		}
		catch (FlowableException ex) {
			if (ex instanceof FlowableObjectNotFoundException || ex instanceof FlowableOptimisticLockingException
					|| ex.getClass().getSimpleName().equals("FlowableTaskAlreadyClaimedException")) {
				throw new TaskNotAvailableException();
			}
			throw ex;
		}
	}

	/** Completes a task held by this person (claiming it first if nobody holds it). */
	@Transactional
	public void complete(String taskId, String username, Map<String, Object> variables) {
		claim(taskId, username);
		String previous = Authentication.getAuthenticatedUserId();
		Authentication.setAuthenticatedUserId(username);
		try {
			tasks.complete(taskId, variables);
		}
		catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException ex) {
			throw new TaskNotAvailableException();
		}
		finally {
			Authentication.setAuthenticatedUserId(previous);
		}
	}

	/**
	 * Gives a task to another person whoever holds it: a supervisor taking over an
	 * escalated task whose holder is away. The caller checks that they may.
	 */
	@Transactional
	public void takeOver(String taskId, String username) {
		try {
			tasks.setAssignee(taskId, username);
		}
		catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException ex) {
			throw new TaskNotAvailableException();
		}
	}

	/** Puts a task back for anyone of its groups to take. */
	@Transactional
	public void release(String taskId) {
		try {
			tasks.unclaim(taskId);
		}
		catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException ex) {
			throw new TaskNotAvailableException();
		}
	}

	/**
	 * Lets a supervisor work a task too: an overdue task is escalated, not taken away.
	 */
	@Transactional
	public void addGroup(String taskId, String group) {
		tasks.addCandidateGroup(taskId, group);
	}

	/** Hands the citizen's answer to a process waiting at a receive task. */
	@Transactional
	public void resume(String processInstanceId, String waitingStep, Map<String, Object> variables) {
		Execution waiting = runtime.createExecutionQuery()
			.processInstanceId(processInstanceId)
			.activityId(waitingStep)
			.singleResult();
		if (waiting == null) {
			throw new TaskNotAvailableException();
		}
		runtime.trigger(waiting.getId(), variables);
	}

	/** The variables of a running process; empty once it has ended. */
	public Map<String, Object> variables(String processInstanceId) {
		if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
			return Map.of();
		}
		return runtime.getVariables(processInstanceId);
	}

	@Transactional
	public void setVariables(String processInstanceId, Map<String, Object> variables) {
		runtime.setVariables(processInstanceId, variables);
	}

	/** The activities a running process waits in; empty once it has ended. */
	public Set<String> activeSteps(String processInstanceId) {
		Set<String> steps = new HashSet<>();
		runtime.createExecutionQuery().processInstanceId(processInstanceId).list().forEach(execution -> {
			if (execution.getActivityId() != null) {
				steps.add(execution.getActivityId());
			}
		});
		return steps;
	}

	/** Ends a running process, e.g. when the citizen withdraws the application. */
	@Transactional
	public void cancel(String processInstanceId, String reason) {
		if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
			runtime.deleteProcessInstance(processInstanceId, reason);
		}
	}

	private WorkTask view(TaskInfo task) {
		Set<String> groups = new HashSet<>();
		for (IdentityLinkInfo link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		return new WorkTask(task.getId(), (String) task.getProcessVariables().get(CASE_ID), task.getProcessInstanceId(),
				task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), Set.copyOf(groups),
				task.getCreateTime().toInstant(), due);
	}

}
