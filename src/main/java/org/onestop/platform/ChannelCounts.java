package org.onestop.platform;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.onestop.shared.ContactChannel;

/**
 * Work of one kind counted per contact channel over a period (issue 15): appointments,
 * tickets, complaints and conversations, each counted by the module that keeps them, and
 * gathered by the burden figures in {@code application}. Platform only holds the port, so
 * that the figures depend on none of those modules (several of them depend on
 * {@code application}).
 */
public interface ChannelCounts {

	/**
	 * What is counted, one of {@code appointments}, {@code tickets}, {@code complaints},
	 * {@code conversations}.
	 */
	String subject();

	/**
	 * How many began in {@code [from, to)} through each channel; channels with none are
	 * absent.
	 * @param department only the work of this department; null for the whole city
	 * @return empty when work of this kind belongs to no department and one was asked for
	 */
	Optional<Map<ContactChannel, Integer>> count(Instant from, Instant to, String department);

	/** A count of one channel and matter, as the modules' queries give them. */
	record Counted(ContactChannel channel, String serviceCode, int count) {
	}

	/** The counts per channel of the rows whose matter passes the test. */
	static Map<ContactChannel, Integer> tally(List<Counted> rows, Predicate<String> serviceCode) {
		Map<ContactChannel, Integer> counts = new EnumMap<>(ContactChannel.class);
		rows.stream()
			.filter(r -> serviceCode.test(r.serviceCode()))
			.forEach(r -> counts.merge(r.channel(), r.count(), Integer::sum));
		return counts;
	}

}
