package org.onestop.complaint;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The complaint rules a city may set ({@code onestop.complaint.*}).
 *
 * @param bounds the city's bounding box: a location outside it is refused (the demo
 * city's box covers Beijing's sixteen districts)
 * @param officeOpens start of the working hours in which a return may be made
 * @param officeCloses end of those working hours
 * @param returnWindow working time after a dispatch within which the department may
 * return it (2 working hours)
 * @param verdictFollowUpAfter how long a reply may wait for the citizen's verdict before
 * an agent calls (回访)
 * @param verdictWindow how long a reply waits for the verdict before the complaint closes
 * as "no feedback"
 * @param lateFeedbackWindow how long after closing a verdict is still accepted
 * @param duplicateWindow how far back an open complaint counts as a possible duplicate
 */
@ConfigurationProperties("onestop.complaint")
record ComplaintProperties(@DefaultValue Bounds bounds, @DefaultValue("09:00") LocalTime officeOpens,
		@DefaultValue("17:30") LocalTime officeCloses, @DefaultValue("2h") Duration returnWindow,
		@DefaultValue("2d") Duration verdictFollowUpAfter, @DefaultValue("7d") Duration verdictWindow,
		@DefaultValue("14d") Duration lateFeedbackWindow, @DefaultValue("7d") Duration duplicateWindow) {

	record Bounds(@DefaultValue("39.44") double south, @DefaultValue("115.42") double west,
			@DefaultValue("41.06") double north, @DefaultValue("117.51") double east) {

		boolean contain(double latitude, double longitude) {
			return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
		}

	}

}
