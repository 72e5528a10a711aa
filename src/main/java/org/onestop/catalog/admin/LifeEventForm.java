package org.onestop.catalog.admin;

import java.util.List;

import org.onestop.catalog.LifeEvent;
import org.onestop.shared.LocalizedText;

/** The life-event editor's form as sent: matters and bundle as one code per line. */
public record LifeEventForm(String code, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
		String matters, String bundle) {

	static LifeEventForm blank() {
		return new LifeEventForm("", "", "", "", "", "", "");
	}

	/** This form for an existing life event, whatever code the browser sent. */
	LifeEventForm withCode(String code) {
		return new LifeEventForm(code, nameZh, nameEn, descriptionZh, descriptionEn, matters, bundle);
	}

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
