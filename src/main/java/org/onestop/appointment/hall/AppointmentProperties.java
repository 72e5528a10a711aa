package org.onestop.appointment.hall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment settings under {@code onestop.appointment.*}.
 *
 * @param layoutCache how long a node takes the halls' layout version it last read as
 * current; a layout change made on another node is seen within this bound (0 reads the
 * version on every request)
 */
@ConfigurationProperties("onestop.appointment")
record AppointmentProperties(@DefaultValue("5s") Duration layoutCache) {
}
