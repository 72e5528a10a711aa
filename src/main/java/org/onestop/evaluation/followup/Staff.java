package org.onestop.evaluation.followup;

import java.util.EnumSet;
import java.util.Set;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;

/** Who works on a department's follow-ups and flags, and who decides flags. */
final class Staff {

	/** The department's staff who may read, contact, reply and flag. */
	static final Set<Role> FOLLOW_UP_ROLES = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.SUPERVISOR,
			Role.DEPARTMENT_HEAD, Role.COMPLAINT_HANDLER);

	/** Who is warned that a reply is nearly due: those who usually write it. */
	static final Set<Role> HANDLERS = EnumSet.of(Role.COMPLAINT_HANDLER, Role.SUPERVISOR);

	private Staff() {
	}

	static boolean worksOnFollowUps(OneStopUser user) {
		return user != null && user.staff() && user.departmentCode() != null
				&& FOLLOW_UP_ROLES.stream().anyMatch(user::has);
	}

	/** The department whose follow-ups this person works on; else 403. */
	static String department(OneStopUser user) {
		if (!worksOnFollowUps(user)) {
			throw new ForbiddenException("evaluation.follow-up.forbidden");
		}
		return user.departmentCode();
	}

	/** Only a supervisor of the services administration decides flags; else 403. */
	static void servicesSupervisor(OneStopUser user) {
		if (user == null || !user.has(Role.SERVICES_SUPERVISOR)) {
			throw new ForbiddenException("evaluation.flag.decide.forbidden");
		}
	}

}
