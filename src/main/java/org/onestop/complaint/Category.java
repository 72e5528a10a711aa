package org.onestop.complaint;

import java.util.Locale;

/**
 * A complaint category (诉求分类). Groups ({@code parentCode == null}) only order the leaves;
 * a complaint is always filed under a leaf, which names the lead department its rule
 * suggests, whether that rule is certain enough to dispatch by itself, the clock, and how
 * near a complaint must be to count as a possible duplicate.
 */
public record Category(String code, String parentCode, String nameZh, String nameEn, String descriptionZh,
		String descriptionEn, String leadDepartment, boolean certain, UrgencyTier urgencyTier,
		Integer duplicateRadiusMetres, int position, boolean active) {

	public boolean leaf() {
		return parentCode != null;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public String description(Locale locale) {
		return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
	}

}
