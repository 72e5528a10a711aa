package org.onestop.insight;

/**
 * One published measure. Its name and its definition, written for the public, are the
 * message keys {@code figures.measure.<key>} and {@code figures.measure.<key>.definition}
 * in both languages; its section's title {@code figures.section.<section>}.
 *
 * @param key {@code <source>.<name>}, lower case with dots and dashes
 * @param unit how its values read
 * @param section the group it is shown in, such as {@code applications}, {@code kpi},
 * {@code halls}, {@code assistant}, {@code ratings}, {@code complaints}
 * @param chart whether the page draws its trend (the table beside it is always there)
 * @param partOf the key of the measure this one is an additive part of, with its sibling
 * parts, for every subject and channel (the five rating levels add up to the ratings);
 * null when none. The public suppression protects the sum: one hidden part would be the
 * total minus the others.
 */
public record Measure(String key, Unit unit, String section, boolean chart, String partOf) {

	public Measure {
		if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+")) {
			throw new IllegalArgumentException("Measure key must be <source>.<name>: " + key);
		}
		if (partOf != null && (partOf.equals(key) || unit != Unit.COUNT)) {
			throw new IllegalArgumentException("Only a count can be a part of another measure: " + key);
		}
	}

	/** A measure that is no part of another. */
	public Measure(String key, Unit unit, String section, boolean chart) {
		this(key, unit, section, chart, null);
	}

	/** How a measure's values read. */
	public enum Unit {

		/** A number of records. */
		COUNT,
		/** A share between 0 and 1, shown as a percentage. */
		SHARE,
		/** Working days. */
		WORKING_DAYS,
		/** Minutes. */
		MINUTES,
		/** Seconds. */
		SECONDS,
		/** An average per case, such as trips per application. */
		PER_CASE,
		/** A level on the five-level scale (1 to 5). */
		LEVEL

	}

}
