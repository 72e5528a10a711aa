package org.onestop.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Queue settings under {@code onestop.queue.*}.
 *
 * @param kioskTicketsPerMinute tickets one kiosk device may give out in a minute, counted
 * across all nodes; a person takes one in a few seconds at best, so more is a script or a
 * stuck key
 */
@ConfigurationProperties("onestop.queue")
record QueueProperties(@DefaultValue("30") int kioskTicketsPerMinute) {
}
