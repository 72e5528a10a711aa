package org.onestop.audit;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.shared.AuditableEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The entries of one transaction are written together before it commits (issue 18): every
 * one of them, in the order they were published, sealed in that order; none when the
 * transaction rolls back; an inner transaction's with it.
 */
@IntegrationTest
class AuditBatchingIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerification verification;

	@Autowired
	JdbcClient db;

	@Autowired
	TransactionTemplate transactions;

	record Happened(String actor, String subject) implements AuditableEvent {

		@Override
		public String action() {
			return "test.batched";
		}

		@Override
		public String summary() {
			return "written by the batching test";
		}
	}

	@Test
	void everyEntryOfATransactionIsWrittenInOrderAndSealedInOrder() {
		String actor = "batch-" + UUID.randomUUID();
		transactions.executeWithoutResult(s -> {
			for (int i = 0; i < 5; i++) {
				events.publishEvent(new Happened(actor, "item:" + i));
			}
		});
		sealer.seal(true);

		assertThat(db.sql("SELECT subject FROM audit_entry WHERE actor = :a ORDER BY id")
			.param("a", actor)
			.query(String.class)
			.list()).containsExactly("item:0", "item:1", "item:2", "item:3", "item:4");
		assertThat(db.sql("SELECT subject FROM audit_entry WHERE actor = :a ORDER BY seq")
			.param("a", actor)
			.query(String.class)
			.list()).containsExactly("item:0", "item:1", "item:2", "item:3", "item:4");
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void entriesPublishedByCommitCallbacksAreWrittenAfterTheCommit() {
		String actor = "late-" + UUID.randomUUID();
		transactions.executeWithoutResult(s -> {
			// One transaction publishes only once committed, another both before and
			// after.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					events.publishEvent(new Happened(actor, "after-commit"));
				}
			});
		});
		transactions.executeWithoutResult(s -> {
			events.publishEvent(new Happened(actor, "before"));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					events.publishEvent(new Happened(actor, "after"));
				}
			});
		});

		assertThat(db.sql("SELECT subject FROM audit_entry WHERE actor = :a ORDER BY id")
			.param("a", actor)
			.query(String.class)
			.list()).containsExactly("after-commit", "before", "after");
	}

	@Test
	void aRolledBackTransactionLeavesNoEntryAndAnInnerOneKeepsItsOwn() {
		String actor = "rollback-" + UUID.randomUUID();
		TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
			events.publishEvent(new Happened(actor, "outer:before"));
			inner.executeWithoutResult(t -> events.publishEvent(new Happened(actor, "inner")));
			events.publishEvent(new Happened(actor, "outer:after"));
			throw new IllegalStateException("the action fails");
		})).hasMessage("the action fails");

		assertThat(subjects(actor)).containsExactly("inner");
	}

	@Test
	void anEventOutsideATransactionIsWrittenAtOnce() {
		String actor = "alone-" + UUID.randomUUID();
		events.publishEvent(new Happened(actor, "alone"));

		assertThat(subjects(actor)).containsExactly("alone");
	}

	private List<String> subjects(String actor) {
		return db.sql("SELECT subject FROM audit_entry WHERE actor = :a ORDER BY id")
			.param("a", actor)
			.query(String.class)
			.list();
	}

}
