package org.onestop.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The burden figures of a period split by channel (P8: online against offline), as
 * {@link Burden#byChannel} gives them and issue 17's public charts will read them.
 *
 * @param from the first day counted
 * @param to the last day counted
 * @param department the department counted, null for the whole city
 * @param subjects what else was counted per channel ({@code appointments},
 * {@code tickets}, {@code complaints}, {@code conversations}); conversations belong to no
 * department and are absent from a department's figures
 * @param channels every channel, in {@code ContactChannel} order, zeros included
 * @param online the sum of the online channels ({@link Burden#ONLINE})
 * @param offline the sum of the others
 * @param total the sum of all
 */
public record ChannelSplit(LocalDate from, LocalDate to, String department, List<String> subjects,
		List<ChannelFigures> channels, ChannelFigures online, ChannelFigures offline, ChannelFigures total) {

}
