package org.onestop.identity;

/** What a member of staff may do. A person may hold several. */
public enum Role {

	CLERK, REVIEWER, SUPERVISOR, FIELD_OFFICER, AGENT, DISPATCHER, DEPARTMENT_HEAD, ADMIN, AUDITOR, CONTENT_EDITOR,

	/** Works a department's complaints (诉求承办): accepts or returns, contacts, replies. */
	COMPLAINT_HANDLER

}
