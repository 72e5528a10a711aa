package org.onestop.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.application.BurdenQueries.ChannelSums;
import org.onestop.shared.ContactChannel;

/**
 * The burden figures of one channel over a period, or of several added up.
 *
 * @param channel the channel; null for a sum of several
 * @param applications applications submitted
 * @param decided of those, how many are decided
 * @param averageWorkingDaysToDecision over the decided ones; null when none is
 * @param fieldsTyped form fields the citizen (or whoever filed) typed
 * @param fieldsPrefilled form fields filled from the registries
 * @param documentsUploaded documents provided for the application (uploaded online or
 * scanned at a counter for it; a counter scan named again later counts as reused)
 * @param documentsReused documents the vault already held or the city issued
 * @param counted appointments, tickets, complaints and conversations begun through the
 * channel, by subject
 */
public record ChannelFigures(ContactChannel channel, int applications, int decided, Double averageWorkingDaysToDecision,
		long workingDaysToDecision, int trips, int fieldsTyped, int fieldsPrefilled, int documentsUploaded,
		int documentsReused, int supplementRounds, int rejections, Map<String, Integer> counted) {

	static ChannelFigures of(ContactChannel channel, ChannelSums sums, Map<String, Map<ContactChannel, Integer>> by) {
		Map<String, Integer> counted = new LinkedHashMap<>();
		by.forEach((subject, counts) -> counted.put(subject, counts.getOrDefault(channel, 0)));
		if (sums == null) {
			return new ChannelFigures(channel, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, counted);
		}
		return new ChannelFigures(channel, sums.applications(), sums.decided(),
				average(sums.workingDays(), sums.decided()), sums.workingDays(), sums.trips(), sums.fieldsTyped(),
				sums.fieldsPrefilled(), sums.documentsUploaded(), sums.documentsReused(), sums.supplementRounds(),
				sums.rejections(), counted);
	}

	/** These channels added up; the average is over all their decided applications. */
	static ChannelFigures sum(ContactChannel channel, List<ChannelFigures> parts) {
		int applications = 0;
		int decided = 0;
		long days = 0;
		int[] other = new int[7];
		Map<String, Integer> counted = new LinkedHashMap<>();
		for (ChannelFigures p : parts) {
			applications += p.applications();
			decided += p.decided();
			days += p.workingDaysToDecision();
			other[0] += p.trips();
			other[1] += p.fieldsTyped();
			other[2] += p.fieldsPrefilled();
			other[3] += p.documentsUploaded();
			other[4] += p.documentsReused();
			other[5] += p.supplementRounds();
			other[6] += p.rejections();
			p.counted().forEach((subject, n) -> counted.merge(subject, n, Integer::sum));
		}
		return new ChannelFigures(channel, applications, decided, average(days, decided), days, other[0], other[1],
				other[2], other[3], other[4], other[5], other[6], counted);
	}

	private static Double average(long days, int decided) {
		return decided == 0 ? null : Math.round(days * 10.0 / decided) / 10.0;
	}

}
