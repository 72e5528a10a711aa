package org.onestop.appointment;

/** A service hall, with its name and address in both languages. */
public record ServiceHall(String code, String nameZh, String nameEn, String addressZh, String addressEn, String phone,
		String openingHours) {
}
