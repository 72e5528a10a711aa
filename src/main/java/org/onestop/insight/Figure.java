package org.onestop.insight;

/**
 * One value of one measure for one month (the month is the caller's).
 *
 * @param measure the measure's key
 * @param subject the department, matter or hall code; empty for {@link Scope#CITY}
 * @param value null when undefined (a median of no cases)
 * @param cases how many records the value rests on: fewer than 5 are suppressed in public
 */
public record Figure(String measure, Scope scope, String subject, ChannelGroup channel, Double value, long cases) {

	public Figure {
		if (scope == Scope.CITY && !subject.isEmpty()) {
			throw new IllegalArgumentException("A city figure has no subject");
		}
		if (cases < 0) {
			throw new IllegalArgumentException("cases < 0");
		}
	}

}
