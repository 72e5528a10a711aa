package org.onestop.complaint;

import org.onestop.platform.PlatformProperties;
import org.onestop.platform.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintConfiguration {

	/** The clocks count the city's working days (holidays and 调休 from the calendar). */
	@Bean
	Deadlines complaintDeadlines(WorkingCalendar calendar, PlatformProperties platform,
			ComplaintProperties properties) {
		return new Deadlines(calendar::isWorkingDay, platform.timeZone(), properties.officeOpens(),
				properties.officeCloses());
	}

}
