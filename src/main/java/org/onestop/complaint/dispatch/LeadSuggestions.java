package org.onestop.complaint.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which department should lead a complaint: the category's rule when it is certain,
 * otherwise the lead model's suggestion (see {@link LeadModel}), for the dispatcher to
 * confirm or change. Every dispatcher's decision is stored and trains the model.
 * <p>
 * Several nodes share one database, so the model is trained from the database, not from
 * the calls this node happened to see: the trained model is an immutable snapshot, and at
 * most every {@link #CHECK_EVERY} (by the platform's clock) a suggestion first asks the
 * database whether decisions were added, retraining on all of them if so. A decision
 * learnt on one node so reaches the others within that time; this node checks again as
 * soon as its own decision commits.
 */
@Service
public class LeadSuggestions {

	/** How often a node looks for decisions taken elsewhere. */
	static final Duration CHECK_EVERY = Duration.ofSeconds(30);

	/** The longest text stored and learnt from (the column's size). */
	static final int LONGEST_TEXT = 4000;

	private final DispatchDecisionStore store;

	private final Clock clock;

	private final Map<String, CategoryRule> rules;

	private final Supplier<List<DispatchDecision>> history;

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	/** The demo history's examples, made into words once, on first use. */
	private volatile List<LeadModel.Example> historyExamples;

	@Autowired
	LeadSuggestions(DispatchDecisionStore store, Clock clock) {
		this(store, clock, CategoryRules.demo(), DispatchHistory::demo);
	}

	LeadSuggestions(DispatchDecisionStore store, Clock clock, Map<String, CategoryRule> rules,
			Supplier<List<DispatchDecision>> history) {
		this.store = store;
		this.clock = clock;
		this.rules = rules;
		this.history = history;
	}

	/**
	 * The lead department to suggest: a certain rule's with confidence 1, otherwise the
	 * model's most probable department with its probability.
	 */
	public Suggestion suggest(CategoryRule rule, String text) {
		return ranked(rule, text, 1).get(0);
	}

	/**
	 * The {@code k} most probable lead departments, the most probable first (only the
	 * rule's department when the rule is certain); at least one.
	 */
	public List<Suggestion> ranked(CategoryRule rule, String text, int k) {
		if (rule.certain()) {
			return List.of(new Suggestion(rule.leadDepartment(), 1.0, true));
		}
		return model().suggest(rule, text, Math.max(k, 1));
	}

	/**
	 * Records a dispatcher's decision, in the caller's transaction if there is one; the
	 * models of every node learn it once it is committed.
	 */
	@Transactional
	public void learn(String categoryCode, String text, String leadDepartment, Instant decidedAt) {
		if (isBlank(categoryCode) || isBlank(leadDepartment) || text == null || decidedAt == null) {
			throw new IllegalArgumentException("A dispatch decision needs a category, a text, a lead department and "
					+ "a time: " + categoryCode + ", " + leadDepartment + ", " + decidedAt);
		}
		// The first 4000 characters say who leads as well as the whole text would.
		String learnt = text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) : text;
		store.insert(new DispatchDecision(categoryCode, learnt, leadDepartment), decidedAt);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkAtNextUse();
				}
			});
		}
		else {
			checkAtNextUse();
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private void checkAtNextUse() {
		current.updateAndGet(snapshot -> snapshot == null ? null : snapshot.checked(null));
	}

	/**
	 * The current model, retrained first if it is time to check and decisions were added.
	 */
	LeadModel model() {
		Instant now = clock.instant();
		Snapshot snapshot = current.get();
		if (snapshot != null && !snapshot.due(now)) {
			return snapshot.model();
		}
		synchronized (this) {
			snapshot = current.get();
			if (snapshot != null && !snapshot.due(now)) {
				return snapshot.model();
			}
			DispatchDecisionStore.Version version = store.version();
			if (snapshot != null && snapshot.version().equals(version)) {
				current.set(snapshot.checked(now));
				return snapshot.model();
			}
			Snapshot trained = train(version, now, snapshot);
			current.set(trained);
			return trained.model();
		}
	}

	/**
	 * Trains on the history and every stored decision, read after their version: a
	 * decision committed in between is learnt now and makes the next check retrain once
	 * more, harmlessly. Texts already made into words are not analysed again.
	 */
	private Snapshot train(DispatchDecisionStore.Version version, Instant now, Snapshot previous) {
		List<LeadModel.Example> examples = new ArrayList<>(historyExamples());
		Map<Long, List<String>> words = new HashMap<>();
		for (DispatchDecisionStore.Stored stored : store.all()) {
			List<String> known = previous == null ? null : previous.words().get(stored.id());
			List<String> these = (known != null) ? known : ComplaintWords.of(stored.decision().text());
			words.put(stored.id(), these);
			examples.add(LeadModel.example(stored.decision(), rules, these));
		}
		return new Snapshot(LeadModel.train(examples), version, now, Map.copyOf(words));
	}

	private List<LeadModel.Example> historyExamples() {
		List<LeadModel.Example> examples = historyExamples;
		if (examples == null) {
			examples = history.get()
				.stream()
				.map(d -> LeadModel.example(d, rules, ComplaintWords.of(d.text())))
				.toList();
			historyExamples = examples;
		}
		return examples;
	}

	/**
	 * A trained model, the table's version it was trained on and when that was last
	 * checked ({@code null}: at the next use).
	 */
	private record Snapshot(LeadModel model, DispatchDecisionStore.Version version, Instant checkedAt,
			Map<Long, List<String>> words) {

		/**
		 * Due when {@link #CHECK_EVERY} has passed either way: a clock set back (as tests
		 * and a corrected server clock do) must not hold the model for as long.
		 */
		boolean due(Instant now) {
			return checkedAt == null || Duration.between(checkedAt, now).abs().compareTo(CHECK_EVERY) >= 0;
		}

		Snapshot checked(Instant at) {
			return new Snapshot(model, version, at, words);
		}

	}

}
