package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SuppressionTests {

	static Figure f(String subject, ChannelGroup channel, long cases) {
		return new Figure("sample.visits", Scope.DEPARTMENT, subject, channel, (double) cases, cases);
	}

	@Test
	void aCellOfFewerThanFiveCasesIsHiddenAndSoIsItsSiblingWhenTheTotalIsShown() {
		Figure all = f("CA", ChannelGroup.ALL, 20);
		Figure online = f("CA", ChannelGroup.ONLINE, 17);
		Figure offline = f("CA", ChannelGroup.OFFLINE, 3);
		Set<Figure> hidden = Suppression.suppressed(List.of(all, online, offline));
		// 20 - 17 would give the 3 away: online goes too.
		assertThat(hidden).containsExactlyInAnyOrder(online, offline);
	}

	@Test
	void fiveCasesAreShownAndATotalUnderFiveHidesEverything() {
		Figure all = f("CA", ChannelGroup.ALL, 10);
		Figure online = f("CA", ChannelGroup.ONLINE, 5);
		Figure offline = f("CA", ChannelGroup.OFFLINE, 5);
		assertThat(Suppression.suppressed(List.of(all, online, offline))).isEmpty();
		Figure small = f("PS", ChannelGroup.ALL, 4);
		Figure smallOnline = f("PS", ChannelGroup.ONLINE, 4);
		Figure smallOffline = f("PS", ChannelGroup.OFFLINE, 0);
		assertThat(Suppression.suppressed(List.of(small, smallOnline, smallOffline))).containsExactlyInAnyOrder(small,
				smallOnline, smallOffline);
	}

	@Test
	void subjectsAndMeasuresAreJudgedApart() {
		Figure ca = f("CA", ChannelGroup.ALL, 3);
		Figure ps = f("PS", ChannelGroup.ALL, 30);
		Figure psOnline = f("PS", ChannelGroup.ONLINE, 30);
		Figure share = new Figure("sample.share", Scope.DEPARTMENT, "CA", ChannelGroup.ALL, 0.5, 8);
		assertThat(Suppression.suppressed(List.of(ca, ps, psOnline, share))).containsExactly(ca);
	}

}
