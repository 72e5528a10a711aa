package org.onestop.appointment;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.onestop.shared.LocalizedText;

/**
 * How a hall works: its booking settings, matter groups and counters.
 *
 * @param walkInShare the share of every slot kept for walk-ins, never bookable online
 * @param bookingDaysAhead how many days ahead online booking opens, at
 * {@code bookingOpensAt} each day
 * @param maxSkips how many times a plain ticket may be passed over by priority tickets
 * before it is called
 */
public record HallLayout(String code, LocalizedText name, double walkInShare, int bookingDaysAhead,
		LocalTime bookingOpensAt, int slotMinutes, int dailyLimit, int maxSkips, List<Group> groups,
		List<Counter> counters) {

	/** A matter group, such as A = household and ID. */
	public record Group(String code, LocalizedText name, int serviceMinutes, List<String> serviceCodes) {
	}

	/** A counter and the groups it serves. */
	public record Counter(String id, LocalizedText name, List<String> groups) {
	}

	public Optional<Group> groupOf(String serviceCode) {
		return groups.stream().filter(g -> g.serviceCodes().contains(serviceCode)).findFirst();
	}

	public Optional<Group> group(String code) {
		return groups.stream().filter(g -> g.code().equals(code)).findFirst();
	}

	public Optional<Counter> counter(String id) {
		return counters.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/**
	 * Counter capacity a group gets on an ordinary day: a counter serving several groups
	 * gives each an equal share, so that shared counters are not counted twice and the
	 * walk-in reserve is real.
	 */
	public double counterShare(String group) {
		return counters.stream()
			.filter(c -> c.groups().contains(group))
			.mapToDouble(c -> 1.0 / c.groups().size())
			.sum();
	}

	/** How many counters serve a group on an ordinary day. */
	public int countersFor(String group) {
		return (int) counters.stream().filter(c -> c.groups().contains(group)).count();
	}
}
