package org.onestop.appointment;

import org.onestop.identity.CounterStaff;
import org.springframework.stereotype.Component;

/** Identity's view of hall staff, from the halls' staff lists. */
@Component
class HallCounterStaff implements CounterStaff {

	private final Halls halls;

	HallCounterStaff(Halls halls) {
		this.halls = halls;
	}

	@Override
	public boolean worksAtAHall(String username) {
		return halls.worksAtAHall(username);
	}

}
