package org.onestop.complaint;

/**
 * How a complaint ended. NO_FEEDBACK is counted apart and never as satisfied; MERGED
 * complaints follow the case they joined.
 */
enum Closure {

	SOLVED, NOT_SOLVED, NO_FEEDBACK, MERGED

}
