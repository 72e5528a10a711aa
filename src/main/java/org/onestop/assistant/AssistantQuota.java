package org.onestop.assistant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.onestop.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many conversations and callback requests one caller may start in an hour ({@code onestop.assistant.
 * conversations-per-hour}, {@code callbacks-per-hour}). Anonymous starts are free to anyone, and every callback
 * becomes an agent's task and, if missed, a department head's notice: without a limit a script could bury the
 * hotline. Counted per signed-in citizen, or per address for anonymous callers, by one upsert every node shares.
 */
@Component
class AssistantQuota {

	enum Kind {
		CONVERSATION, CALLBACK
	}

	private static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient db;
	private final Clock clock;
	private final AssistantProperties properties;

	AssistantQuota(JdbcClient db, Clock clock, AssistantProperties properties) {
		this.db = db;
		this.clock = clock;
		this.properties = properties;
	}

	/** Counts one start, or refuses it with 429. Commits on its own, so that a refused attempt still counts. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void use(Conversation.Asker asker, Kind kind) {
		Instant now = clock.instant();
		int used = db.sql("""
				INSERT INTO assistant_quota AS q (caller, kind, window_start, used) VALUES (:caller, :kind, :now, 1)
				ON CONFLICT (caller, kind) DO UPDATE SET
				    used = CASE WHEN q.window_start <= :expired THEN 1 ELSE q.used + 1 END,
				    window_start = CASE WHEN q.window_start <= :expired THEN :now ELSE q.window_start END
				RETURNING used""")
			.param("caller", asker.caller()).param("kind", kind.name()).param("now", Timestamp.from(now))
			.param("expired", Timestamp.from(now.minus(WINDOW))).query(Integer.class).single();
		int limit = kind == Kind.CONVERSATION ? properties.conversationsPerHour() : properties.callbacksPerHour();
		if (used > limit) {
			throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
					kind == Kind.CONVERSATION ? "assistant.quota.conversations" : "assistant.quota.callbacks", String.valueOf(limit));
		}
	}
}
