package org.onestop.catalog;

import java.util.List;

import org.onestop.shared.LocalizedText;

/** The life-event editor's form as sent: matters and bundle as one code per line. */
public record LifeEventForm(String code, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
		String matters, String bundle) {

	LifeEvent toLifeEvent() {
		return new LifeEvent(code == null ? null : code.strip(), new LocalizedText(nameZh, nameEn),
				new LocalizedText(descriptionZh, descriptionEn), codes(matters), codes(bundle));
	}

	static LifeEventForm of(LifeEvent e) {
		return new LifeEventForm(e.code(), e.name().zh(), e.name().en(), e.description().zh(), e.description().en(),
				String.join("\n", e.matters()), String.join("\n", e.bundle()));
	}

	private static List<String> codes(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
