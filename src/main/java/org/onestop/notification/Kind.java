package org.onestop.notification;

import java.util.List;

/**
 * A kind of message, as {@code notification_kind} defines it.
 *
 * @param template the message's subject key, which names its templates
 * @param fields the personalisation fields it supplies, in the order of
 * {@link Message#arguments()}
 * @param topic what a citizen's preferences group it under
 * @param quietHoursExempt an SMS of it may go out between 21:00 and 08:00
 */
record Kind(String template, List<String> fields, Topic topic, boolean quietHoursExempt) {

	Kind {
		fields = List.copyOf(fields);
	}

}
