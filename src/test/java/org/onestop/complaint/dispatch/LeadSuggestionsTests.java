package org.onestop.complaint.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Suggestions without a database: the decisions table is a list, two nodes are two
 * {@link LeadSuggestions} on the same list.
 */
class LeadSuggestionsTests {

	private static final Instant START = Instant.parse("2026-12-04T09:00:00Z");

	private static final CategoryRule CONSTRUCTION_NOISE = new CategoryRule("ENV-NOISE-CONSTRUCTION", "UM", false);

	private static final String DUSTY_SITE = "工地渣土车不盖篷布，扬尘漫天，灰尘落满阳台，窗户都不敢开";

	private final ListStore store = new ListStore();

	private final MovableClock clock = new MovableClock(START);

	private final LeadSuggestions suggestions = node(clock);

	private LeadSuggestions node(MovableClock clock) {
		return new LeadSuggestions(store, clock, CategoryRules.demo(), DispatchHistory::demo);
	}

	@Test
	void aCertainRuleIsSuggestedAloneWithFullConfidenceWithoutAskingTheModel() {
		CategoryRule certain = new CategoryRule("UTIL-HEATING", "HU", true);

		assertThat(suggestions.suggest(certain, "楼下饭馆油烟直排，熏得没法开窗")).isEqualTo(new Suggestion("HU", 1.0, true));
		assertThat(suggestions.ranked(certain, "anything", 3)).containsExactly(new Suggestion("HU", 1.0, true));
		assertThat(store.versionAsked).isZero();
	}

	@Test
	void withoutWordsTheRulesDepartmentIsSuggested() {
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, "").department()).isEqualTo("UM");
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, null).department()).isEqualTo("UM");
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, "，。！ 123").department()).isEqualTo("UM");
		CategoryRule newCategory = new CategoryRule("TRAF-NEW-THING", "TR", false);
		assertThat(suggestions.suggest(newCategory, "").department()).isEqualTo("TR");
		Suggestion unknownDepartment = suggestions.suggest(new CategoryRule("NEW-THING", "XX", false), "");
		assertThat(unknownDepartment.department()).isEqualTo("XX");
		assertThat(unknownDepartment.certain()).isFalse();
		assertThat(unknownDepartment.confidence()).isBetween(0.5, 1.0);
	}

	@Test
	void rankedSuggestionsAreTheMostProbableFirstAndTheirProbabilitiesSumToAtMostOne() {
		CategoryRule airPollution = new CategoryRule("ENV-AIR-POLLUTION", "EE", false);
		List<Suggestion> ranked = suggestions.ranked(airPollution, "楼下饭馆油烟直排，工厂也冒黑烟", 5);

		assertThat(ranked).hasSize(5);
		assertThat(ranked).extracting(Suggestion::department).doesNotHaveDuplicates();
		for (int i = 1; i < ranked.size(); i++) {
			assertThat(ranked.get(i).confidence()).isLessThanOrEqualTo(ranked.get(i - 1).confidence());
		}
		assertThat(ranked).allSatisfy(s -> {
			assertThat(s.confidence()).isBetween(0.0, 1.0);
			assertThat(s.certain()).isFalse();
		});
		assertThat(ranked.stream().mapToDouble(Suggestion::confidence).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
		assertThat(ranked.get(0)).isEqualTo(suggestions.suggest(airPollution, "楼下饭馆油烟直排，工厂也冒黑烟"));
		assertThat(suggestions.ranked(airPollution, "楼下饭馆油烟直排", 0)).hasSize(1);
	}

	@Test
	void dispatchersDecisionsMoveLaterSuggestionsOnEveryNodeWithinHalfAMinute() {
		MovableClock otherClock = new MovableClock(START);
		LeadSuggestions otherNode = node(otherClock);
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, DUSTY_SITE).department()).isEqualTo("UM");
		assertThat(otherNode.suggest(CONSTRUCTION_NOISE, DUSTY_SITE).department()).isEqualTo("UM");

		for (String text : List.of("工地扬尘太大，渣土车进进出出", "拆迁工地不洒水，灰尘扬得到处都是", "渣土车没盖篷布，工地门口扬尘", "工地土堆不苫盖，一刮风扬尘满天",
				"施工扬尘，家里窗台一层灰")) {
			suggestions.learn("ENV-NOISE-CONSTRUCTION", text, "EE", clock.instant());
		}
		assertThat(store.rows).hasSize(5);

		// The node that learnt checks at once; the other within its half-minute.
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, DUSTY_SITE).department()).isEqualTo("EE");
		otherClock.advance(LeadSuggestions.CHECK_EVERY.minusSeconds(1));
		assertThat(otherNode.suggest(CONSTRUCTION_NOISE, DUSTY_SITE).department()).isEqualTo("UM");
		otherClock.advance(Duration.ofSeconds(1));
		assertThat(otherNode.suggest(CONSTRUCTION_NOISE, DUSTY_SITE).department()).isEqualTo("EE");
		// Noise stays noise.
		assertThat(suggestions.suggest(CONSTRUCTION_NOISE, "半夜打桩，吵得睡不着").department()).isEqualTo("UM");
	}

	@Test
	void theDatabaseIsAskedAtMostEveryHalfMinute() {
		for (int i = 0; i < 10; i++) {
			suggestions.suggest(CONSTRUCTION_NOISE, DUSTY_SITE);
			clock.advance(Duration.ofSeconds(2));
		}
		assertThat(store.versionAsked).isEqualTo(1);
		clock.advance(Duration.ofSeconds(10));
		suggestions.suggest(CONSTRUCTION_NOISE, DUSTY_SITE);
		assertThat(store.versionAsked).isEqualTo(2);
		assertThat(store.allRead).isEqualTo(1);
		// A clock set back does not hold the model either.
		clock.moveTo(START.minus(Duration.ofHours(1)));
		suggestions.suggest(CONSTRUCTION_NOISE, DUSTY_SITE);
		assertThat(store.versionAsked).isEqualTo(3);
	}

	@Test
	void aDecisionNeedsItsCategoryDepartmentTextAndTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> suggestions.learn(" ", "x", "UM", START));
		assertThatIllegalArgumentException().isThrownBy(() -> suggestions.learn("CITY-GARBAGE", "x", "", START));
		assertThatIllegalArgumentException().isThrownBy(() -> suggestions.learn("CITY-GARBAGE", null, "UM", START));
		assertThatIllegalArgumentException().isThrownBy(() -> suggestions.learn("CITY-GARBAGE", "x", "UM", null));
		assertThat(store.rows).isEmpty();
		suggestions.learn("CITY-GARBAGE", "垃圾".repeat(3000), "UM", START);
		assertThat(store.rows.get(0).text()).hasSize(LeadSuggestions.LONGEST_TEXT);
	}

	/** The decisions table as a list. */
	static final class ListStore extends DispatchDecisionStore {

		final List<DispatchDecision> rows = new ArrayList<>();

		int versionAsked;

		int allRead;

		ListStore() {
			super(null);
		}

		@Override
		synchronized void insert(DispatchDecision decision, Instant decidedAt) {
			rows.add(decision);
		}

		@Override
		synchronized Version version() {
			versionAsked++;
			return new Version(rows.size(), rows.size());
		}

		@Override
		synchronized List<Stored> all() {
			allRead++;
			List<Stored> all = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				all.add(new Stored(i + 1, rows.get(i)));
			}
			return all;
		}

	}

}
