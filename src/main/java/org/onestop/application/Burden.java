package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onestop.application.BurdenQueries.ChannelSums;
import org.onestop.identity.Departments;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ChannelCounts;
import org.onestop.platform.ForbiddenException;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.PlatformProperties;
import org.onestop.shared.ContactChannel;
import org.springframework.stereotype.Service;

/**
 * The burden figures of applications (promise P8: burden is measured), read from the
 * {@code application_burden} view so that they can never drift from the applications
 * themselves; and, per channel over a period, set online against offline (issue 15).
 */
@Service
public class Burden {

	/** Online channels: see {@link ContactChannel#online()}. */
	public static final Set<ContactChannel> ONLINE = EnumSet
		.copyOf(java.util.Arrays.stream(ContactChannel.values()).filter(ContactChannel::online).toList());

	/** The longest period one request may cover. */
	static final int MAX_DAYS = 366;

	private final BurdenQueries queries;

	private final List<ChannelCounts> counts;

	private final Departments departments;

	private final Clock clock;

	private final ZoneId zone;

	Burden(BurdenQueries queries, List<ChannelCounts> counts, Departments departments, Clock clock,
			PlatformProperties platform) {
		this.queries = queries;
		this.counts = counts.stream().sorted(Comparator.comparing(ChannelCounts::subject)).toList();
		this.departments = departments;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** One application's figures. */
	public record Figures(UUID applicationId, String serviceCode, String department, String status, Instant submittedAt,
			Instant decidedAt, int fieldsPrefilled, int fieldsTyped, int valuesDisputed, int documentsUploaded,
			int documentsReused, int supplementRounds, int rejections, int trips, Integer workingDaysToDecision) {
	}

	/**
	 * Per matter, over applications submitted in a period: the averages and totals
	 * insight publishes.
	 */
	public record MatterFigures(String serviceCode, int applications, double prefilledShare, int valuesDisputed,
			int documentsUploaded, int documentsReused, int supplementRounds, int rejections, int trips,
			Double averageWorkingDaysToDecision) {
	}

	public Optional<Figures> of(UUID application) {
		return queries.of(application);
	}

	public List<MatterFigures> byMatter(Instant from, Instant to) {
		return queries.byMatter(from, to);
	}

	/**
	 * The figures per channel of the applications submitted from {@code from} to
	 * {@code to} (both included, the city's days), with online and offline totals, and
	 * the appointments, tickets, complaints and conversations of the period per channel.
	 * Department heads see their own department's; administrators and auditors any
	 * department's or (null) the whole city's.
	 * @param from the first day; null for 29 days before {@code to}
	 * @param to the last day; null for today
	 */
	public ChannelSplit byChannel(OneStopUser viewer, LocalDate from, LocalDate to, String department) {
		String scope = scope(viewer, department);
		LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
		LocalDate first = from != null ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			throw new InvalidInputException("from", "burden.channels.period.order");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new InvalidInputException("from", "burden.channels.period.long", MAX_DAYS);
		}
		Instant start = first.atStartOfDay(zone).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
		Map<ContactChannel, ChannelSums> sums = new LinkedHashMap<>();
		queries.byChannel(start, end, scope).forEach(s -> sums.put(ContactChannel.valueOf(s.channel()), s));
		Map<String, Map<ContactChannel, Integer>> counted = new LinkedHashMap<>();
		counts.forEach(c -> c.count(start, end, scope).ifPresent(m -> counted.put(c.subject(), m)));
		List<ChannelFigures> channels = new ArrayList<>();
		for (ContactChannel channel : ContactChannel.values()) {
			channels.add(ChannelFigures.of(channel, sums.get(channel), counted));
		}
		return new ChannelSplit(first, last, scope, List.copyOf(counted.keySet()), channels,
				ChannelFigures.sum(null, channels.stream().filter(c -> ONLINE.contains(c.channel())).toList()),
				ChannelFigures.sum(null, channels.stream().filter(c -> !ONLINE.contains(c.channel())).toList()),
				ChannelFigures.sum(null, channels));
	}

	/** The department the viewer may see figures of: their own, or any for the city's. */
	private String scope(OneStopUser viewer, String department) {
		String asked = department == null || department.isBlank() ? null : department.strip();
		if (viewer.has(Role.ADMIN) || viewer.has(Role.AUDITOR)) {
			if (asked != null && departments.byCode(asked).isEmpty()) {
				throw new InvalidInputException("department", "burden.channels.department.unknown");
			}
			return asked;
		}
		if (viewer.has(Role.DEPARTMENT_HEAD) && viewer.departmentCode() != null
				&& (asked == null || asked.equals(viewer.departmentCode()))) {
			return viewer.departmentCode();
		}
		throw new ForbiddenException("burden.channels.forbidden");
	}

}
