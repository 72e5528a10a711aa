package org.onestop.identity;

/** What a member of staff may do. A person may hold several. */
public enum Role {

	CLERK, REVIEWER, SUPERVISOR, FIELD_OFFICER, AGENT, DISPATCHER, DEPARTMENT_HEAD, ADMIN, AUDITOR, CONTENT_EDITOR,

	/** Works a department's complaints (诉求承办): accepts or returns, contacts, replies. */
	COMPLAINT_HANDLER,

	/**
	 * A supervisor of the government services administration (政务服务管理机构督查): decides
	 * whether a rating a department flagged as malicious is excluded (issue 17).
	 */
	SERVICES_SUPERVISOR

}
