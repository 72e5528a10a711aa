package org.onestop.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox rows for the dispatcher's tests, due in 2001: the tests' dispatchers run on a
 * clock of that year, so they take only these rows and none that other tests left, and no
 * dispatcher on the real time takes them from under the test. Removed afterwards.
 */
final class OutboxRows {

	static final Instant EPOCH = Instant.parse("2001-03-01T02:00:00Z");

	private final OutboxStore store;

	private final JdbcClient db;

	private final List<UUID> made = new ArrayList<>();

	OutboxRows(OutboxStore store, JdbcClient db) {
		this.store = store;
		this.db = db;
	}

	UUID mail(String address, boolean sensitive) {
		return add(Channel.EMAIL, address,
				new Rendered("Your code", "Code 123456", "<p>Code <b>123456</b></p>", null, Map.of("code", "123456")),
				sensitive);
	}

	UUID text(String phone, boolean sensitive) {
		return add(Channel.SMS, phone,
				new Rendered(null, "【OneStop】Code 654321", null, "SMS_1", Map.of("code", "654321")), sensitive);
	}

	UUID add(Channel channel, String address, Rendered rendered, boolean sensitive) {
		UUID id = UUID.randomUUID();
		store.add(new OutboxStore.NewRow(id, null, "outbox.test", "notification.welcome", channel, address, "en",
				rendered, sensitive, DeliveryStatus.CREATED, EPOCH, null), EPOCH.plusMillis(made.size()));
		made.add(id);
		return id;
	}

	/** A row another test wrote (through the application) joins this test's rows. */
	void adopt(UUID id) {
		db.sql("UPDATE notification_outbox SET next_attempt_at = :at WHERE id = :id")
			.param("at", java.sql.Timestamp.from(EPOCH))
			.param("id", id)
			.update();
		made.add(id);
	}

	Map<String, Object> row(UUID id) {
		return db.sql("SELECT * FROM notification_outbox WHERE id = :id").param("id", id).query().singleRow();
	}

	String status(UUID id) {
		return (String) row(id).get("status");
	}

	void removeAll() {
		made.forEach(id -> db.sql("DELETE FROM notification_outbox WHERE id = :id").param("id", id).update());
		made.clear();
	}

}
