package org.onestop.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line of the open data: one value of one measure for one department or matter, one
 * channel and one month. A suppressed value has neither value nor cases.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OpenFigure(String month, String measure, String measureName, String subject, String subjectName,
		String channel, Double value, Long cases, boolean suppressed) {
}
