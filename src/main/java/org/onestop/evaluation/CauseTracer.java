package org.onestop.evaluation;

import java.util.List;

/**
 * Collects the causes of one kind of service when it is rated (issue 17, "traced to its
 * cause"). One bean per subject type; the rating stores what every tracer that
 * {@link #traces traces} the subject returns, in the rating's transaction.
 */
public interface CauseTracer {

	/** Whether this tracer knows services of that type. */
	boolean traces(SubjectType type);

	/** What OneStop knows of the service: never null, empty when nothing is known. */
	List<Cause> trace(RatedService service);

}
