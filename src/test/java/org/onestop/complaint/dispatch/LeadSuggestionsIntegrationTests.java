package org.onestop.complaint.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions go to the database in the caller's transaction, and a second node on the same
 * database learns them within half a minute of its clock. The category is one of this
 * test's own, so that the decisions it leaves in the shared database move no other test's
 * suggestions.
 */
@IntegrationTest
class LeadSuggestionsIntegrationTests {

	private static final String DUSTY_SITE = "工地渣土车不盖篷布，扬尘漫天，灰尘落满阳台，窗户都不敢开";

	private static final List<String> DUST = List.of("工地扬尘太大，渣土车进进出出", "拆迁工地不洒水，灰尘扬得到处都是", "渣土车没盖篷布，工地门口扬尘",
			"工地土堆不苫盖，一刮风扬尘满天", "施工扬尘，家里窗台一层灰");

	@Autowired
	LeadSuggestions suggestions;

	@Autowired
	DispatchDecisionStore store;

	@Autowired
	TestClock clock;

	@Autowired
	TransactionTemplate transactions;

	private final String category = "TEST-DISPATCH-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void realTime() {
		clock.reset();
	}

	private long decisionsOfThisTest() {
		return store.all().stream().filter(s -> s.decision().categoryCode().equals(category)).count();
	}

	@Test
	void aDecisionIsStoredInTheCallersTransactionAndReachesAnotherNodeWithinHalfAMinute() {
		CategoryRule rule = new CategoryRule(category, "UM", false);
		Map<String, CategoryRule> rules = new HashMap<>(CategoryRules.demo());
		rules.put(category, rule);
		LeadSuggestions node = new LeadSuggestions(store, clock, rules, DispatchHistory::demo);
		LeadSuggestions otherNode = new LeadSuggestions(store, clock, rules, DispatchHistory::demo);
		assertThat(node.suggest(rule, DUSTY_SITE).department()).isEqualTo("UM");
		assertThat(otherNode.suggest(rule, DUSTY_SITE).department()).isEqualTo("UM");

		// The platform's bean joins the caller's transaction (and starts one without).
		transactions.executeWithoutResult(status -> {
			suggestions.learn(category, DUST.get(0), "EE", clock.instant());
			status.setRollbackOnly();
		});
		assertThat(decisionsOfThisTest()).isZero();
		suggestions.learn(category, DUST.get(0), "EE", clock.instant());
		assertThat(decisionsOfThisTest()).isEqualTo(1);

		transactions.executeWithoutResult(status -> DUST.subList(1, DUST.size())
			.forEach(text -> node.learn(category, text, "EE", Instant.parse("2026-12-04T09:00:00Z"))));
		assertThat(decisionsOfThisTest()).isEqualTo(DUST.size());
		assertThat(store.all()).filteredOn(s -> s.decision().categoryCode().equals(category))
			.extracting(s -> s.decision().text())
			.containsExactlyElementsOf(DUST);

		// This node checks as soon as its decisions commit; the other one by its clock.
		assertThat(node.suggest(rule, DUSTY_SITE).department()).isEqualTo("EE");
		assertThat(otherNode.suggest(rule, DUSTY_SITE).department()).isEqualTo("UM");
		clock.moveTo(Instant.now().minus(LeadSuggestions.CHECK_EVERY).minus(Duration.ofSeconds(1)));
		Suggestion learnt = otherNode.suggest(rule, DUSTY_SITE);
		assertThat(learnt.department()).isEqualTo("EE");
		assertThat(learnt.certain()).isFalse();
	}

}
