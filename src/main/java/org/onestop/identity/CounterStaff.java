package org.onestop.identity;

/**
 * Who works at the counters of a service hall. Identity knows no halls: the appointment
 * module, which depends on identity, supplies it.
 */
public interface CounterStaff {

	/** Whether this staff member works the counters of some service hall. */
	boolean worksAtAHall(String username);

}
