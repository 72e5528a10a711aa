package org.onestop.complaint;

/**
 * The clock of a category, as Beijing's 接诉即办 practice sets it: emergencies within 2
 * hours, utilities within 24 hours (both counted on the clock: a gas leak does not wait
 * for Monday), general complaints within 7 and complex or co-handled ones within 15
 * working days. First contact is due within 24 hours in every tier but the 2-hour one,
 * where handling is the contact.
 */
public enum UrgencyTier {

	EMERGENCY_2H(2, 0), UTILITIES_24H(24, 0), GENERAL_7D(0, 7), COMPLEX_15D(0, 15);

	final int hours;

	final int workingDays;

	UrgencyTier(int hours, int workingDays) {
		this.hours = hours;
		this.workingDays = workingDays;
	}

	boolean contactIsHandling() {
		return this == EMERGENCY_2H;
	}

}
