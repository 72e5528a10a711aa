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

	static Figure level(int n, ChannelGroup channel, long cases) {
		return new Figure("ratings.level-" + n, Scope.DEPARTMENT, "PS", channel, (double) cases, cases);
	}

	static final java.util.Map<String, String> LEVELS = java.util.Map.of("ratings.level-1", "ratings.count",
			"ratings.level-2", "ratings.count", "ratings.level-3", "ratings.count", "ratings.level-4", "ratings.count",
			"ratings.level-5", "ratings.count");

	@Test
	void theFiveLevelsOfARatingCountDoNotGiveAHiddenLevelAway() {
		// The reported case: PS online, 144 ratings, levels 1 to 5 = 6, 4, 5, 25, 104.
		Figure count = new Figure("ratings.count", Scope.DEPARTMENT, "PS", ChannelGroup.ONLINE, 144.0, 144);
		Figure one = level(1, ChannelGroup.ONLINE, 6);
		Figure two = level(2, ChannelGroup.ONLINE, 4);
		Figure three = level(3, ChannelGroup.ONLINE, 5);
		Figure four = level(4, ChannelGroup.ONLINE, 25);
		Figure five = level(5, ChannelGroup.ONLINE, 104);
		List<Figure> all = List.of(count, one, two, three, four, five);
		assertThat(Suppression.suppressed(all, LEVELS)).containsExactlyInAnyOrder(two, three);
		// Without the declared parts only the small cell goes (the leak).
		assertThat(Suppression.suppressed(all)).containsExactly(two);
	}

	@Test
	void theDepartmentsOfAMonthDoNotGiveAHiddenDepartmentAwayThroughTheCity() {
		Figure city = new Figure("sample.visits", Scope.CITY, "", ChannelGroup.ALL, 40.0, 40);
		Figure ca = f("CA", ChannelGroup.ALL, 30);
		Figure ps = f("PS", ChannelGroup.ALL, 7);
		Figure tb = f("TB", ChannelGroup.ALL, 3);
		assertThat(Suppression.suppressed(List.of(city, ca, ps, tb))).containsExactlyInAnyOrder(tb, ps);
	}

	@Test
	void suppressionIteratesUntilNoSumHasASingleHiddenCell() {
		// Random months of a city, three departments, three channels and five levels:
		// whatever the numbers, no published sum may have exactly one hidden cell.
		java.util.Random random = new java.util.Random(17);
		for (int round = 0; round < 300; round++) {
			List<Figure> figures = new java.util.ArrayList<>();
			long[][][] levels = new long[3][2][5];
			for (int d = 0; d < 3; d++) {
				for (int c = 0; c < 2; c++) {
					for (int l = 0; l < 5; l++) {
						levels[d][c][l] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
					}
				}
			}
			String[] departments = { "CA", "PS", "TB" };
			ChannelGroup[] channels = ChannelGroup.values();
			for (int d = -1; d < 3; d++) {
				for (ChannelGroup channel : channels) {
					long total = 0;
					for (int l = 0; l < 5; l++) {
						long n = 0;
						for (int dd = 0; dd < 3; dd++) {
							for (int c = 0; c < 2; c++) {
								if ((d == -1 || d == dd)
										&& (channel == ChannelGroup.ALL || channel.ordinal() - 1 == c)) {
									n += levels[dd][c][l];
								}
							}
						}
						total += n;
						figures.add(level(d, departments, channel, l + 1, n));
					}
					figures.add(cell(d, departments, "ratings.count", channel, total));
				}
			}
			java.util.Set<Figure> hidden = Suppression.suppressed(figures, LEVELS);
			java.util.Map<List<Object>, Figure> byKey = new java.util.HashMap<>();
			figures.forEach(x -> byKey.put(List.of(x.measure(), x.subject(), x.channel()), x));
			List<List<Figure>> sums = new java.util.ArrayList<>();
			for (Figure x : figures) {
				if (x.channel() == ChannelGroup.ALL) {
					sums.add(List.of(x, byKey.get(List.of(x.measure(), x.subject(), ChannelGroup.ONLINE)),
							byKey.get(List.of(x.measure(), x.subject(), ChannelGroup.OFFLINE))));
				}
				if (x.scope() == Scope.CITY) {
					List<Figure> sum = new java.util.ArrayList<>(List.of(x));
					for (String dep : departments) {
						sum.add(byKey.get(List.of(x.measure(), dep, x.channel())));
					}
					sums.add(sum);
				}
				if (x.measure().equals("ratings.count")) {
					List<Figure> sum = new java.util.ArrayList<>(List.of(x));
					for (int l = 1; l <= 5; l++) {
						sum.add(byKey.get(List.of("ratings.level-" + l, x.subject(), x.channel())));
					}
					sums.add(sum);
				}
			}
			for (List<Figure> sum : sums) {
				assertThat(sum.stream().filter(hidden::contains).count()).as("round %d: %s", round, sum)
					.isNotEqualTo(1);
			}
			figures.stream()
				.filter(x -> x.cases() < Suppression.MIN_CASES)
				.forEach(x -> assertThat(hidden).contains(x));
		}
	}

	private static Figure level(int d, String[] departments, ChannelGroup channel, int level, long n) {
		return cell(d, departments, "ratings.level-" + level, channel, n);
	}

	private static Figure cell(int d, String[] departments, String measure, ChannelGroup channel, long n) {
		return d < 0 ? new Figure(measure, Scope.CITY, "", channel, (double) n, n)
				: new Figure(measure, Scope.DEPARTMENT, departments[d], channel, (double) n, n);
	}

}
