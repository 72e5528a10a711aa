package org.onestop.evaluation.followup;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onestop.identity.Departments;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each department's time to rectify and reply, in working days (5 to 15, as cities set
 * it; without a setting the city's default). A change applies to follow-ups opened after
 * it: a running clock keeps the limit it started with, so a department cannot move its
 * own overdue follow-ups back into time.
 */
@Service
class DepartmentSettings {

	private final FollowUpStore store;

	private final Departments departments;

	private final FollowUpProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DepartmentSettings(FollowUpStore store, Departments departments, FollowUpProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.departments = departments;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** One department's setting. */
	record Setting(String code, String name, int replyWorkingDays, boolean ownSetting) {
	}

	@Transactional(readOnly = true)
	List<Setting> all(Locale locale) {
		Map<String, Integer> own = store.replyWorkingDays();
		return departments.all()
			.stream()
			.map(d -> new Setting(d.code(), d.name(locale), own.getOrDefault(d.code(), properties.replyWorkingDays()),
					own.containsKey(d.code())))
			.toList();
	}

	@Transactional
	Setting set(String actor, String code, Integer replyWorkingDays, Locale locale) {
		var department = departments.byCode(code)
			.orElseThrow(() -> new NotFoundException("evaluation.department.not-found"));
		if (replyWorkingDays == null || replyWorkingDays < FollowUpProperties.FEWEST_DAYS
				|| replyWorkingDays > FollowUpProperties.MOST_DAYS) {
			throw new InvalidInputException("replyWorkingDays", "evaluation.department.days.range",
					FollowUpProperties.FEWEST_DAYS, FollowUpProperties.MOST_DAYS);
		}
		var before = store.setReplyWorkingDays(code, replyWorkingDays, actor, clock.instant());
		events.publishEvent(new FollowUpAudit(actor, "evaluation.department.reply-days", "department:" + code,
				before.map(String::valueOf).orElse("default") + " -> " + replyWorkingDays));
		return new Setting(code, department.name(locale), replyWorkingDays, true);
	}

}
