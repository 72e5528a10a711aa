package org.onestop.evaluation;

import java.util.Locale;
import java.util.Set;

import org.onestop.appointment.MatterDepartments;
import org.onestop.platform.Messages;
import org.onestop.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * What a rated service is called on pages and in the invitation: its matter's name, or
 * the kind of service when no matter was named (a conversation, a complaint).
 */
@Component
class ServiceNames {

	private final MatterDepartments matters;

	private final Messages messages;

	ServiceNames(MatterDepartments matters, Messages messages) {
		this.matters = matters;
		this.messages = messages;
	}

	LocalizedText of(SubjectType type, String serviceCode) {
		if (serviceCode != null) {
			LocalizedText matter = matters.names(Set.of(serviceCode)).get(serviceCode);
			if (matter != null) {
				return matter;
			}
		}
		String key = "evaluation.subject." + type.name();
		return new LocalizedText(messages.get(Locale.SIMPLIFIED_CHINESE, key), messages.get(Locale.ENGLISH, key));
	}

	/**
	 * The department that handles a matter, or the fallback when the catalog knows none.
	 */
	String departmentOf(String serviceCode, String fallback) {
		if (serviceCode == null) {
			return fallback;
		}
		return matters.of(Set.of(serviceCode)).getOrDefault(serviceCode, fallback);
	}

}
