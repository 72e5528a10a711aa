package org.onestop.evaluation.followup;

import org.onestop.platform.PlatformProperties;
import org.onestop.platform.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowUpProperties.class)
class FollowUpConfiguration {

	/** The clocks count the city's working days (holidays and 调休 from the calendar). */
	@Bean
	FollowUpClock followUpClock(WorkingCalendar calendar, PlatformProperties platform, FollowUpProperties properties) {
		return new FollowUpClock(calendar::addWorkingDays, platform.timeZone(), properties.dayEnds());
	}

}
