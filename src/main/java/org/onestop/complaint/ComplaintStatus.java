package org.onestop.complaint;

/**
 * Where a complaint stands. NEW waits for the dispatch centre (also after an accepted
 * return); WAITING has its clock stopped; HEAD_DECISION waits for the dispatch centre's
 * head after a third "not solved".
 */
public enum ComplaintStatus {

	NEW, DISPATCHED, IN_PROGRESS, WAITING, REPLIED, HEAD_DECISION, CLOSED;

	boolean heldByDepartment() {
		return this == DISPATCHED || this == IN_PROGRESS || this == WAITING;
	}

}
