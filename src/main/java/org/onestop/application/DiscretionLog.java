package org.onestop.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.springframework.stereotype.Service;

/**
 * The discretion log (自由裁量记录): every decision a supervisor took beyond the rules,
 * append-only. Auditors read all departments; supervisors and heads of department read
 * their own.
 */
@Service
public class DiscretionLog {

	private final DiscretionStore store;

	DiscretionLog(DiscretionStore store) {
		this.store = store;
	}

	public record Entry(long id, UUID applicationId, Instant at, String actor, String department, String outcome,
			String adjustedRule, String justification) {
	}

	public static boolean mayRead(OneStopUser user) {
		return user.has(Role.AUDITOR) || user.has(Role.SUPERVISOR) || user.has(Role.DEPARTMENT_HEAD);
	}

	public List<Entry> readableBy(OneStopUser user) {
		if (!mayRead(user)) {
			return List.of();
		}
		return store.latest(user.has(Role.AUDITOR), user.department());
	}

}
