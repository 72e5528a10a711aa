package org.onestop.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code catalog_synonym} table, and the built-in groups shipped with OneStop: search
 * synonyms, one group per line ({@code 身份证, 居民身份证, id card}).
 */
@Component
class SynonymStore {

	private final JdbcClient db;

	private final String builtIn;

	SynonymStore(JdbcClient db) {
		this.db = db;
		try {
			builtIn = new ClassPathResource("catalog/synonyms.txt").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The built-in synonym list is missing", ex);
		}
	}

	List<String> added() {
		return db.sql("SELECT line FROM catalog_synonym ORDER BY id").query(String.class).list();
	}

	/** The built-in groups and then those added, one per line. */
	String all() {
		return builtIn + "\n" + String.join("\n", added());
	}

	/** Adds a group; answers false when the same line was there already. */
	boolean add(String line, String actor, Instant now) {
		return db.sql("""
				INSERT INTO catalog_synonym (line, added_by, added_at) VALUES (:line, :actor, :now)
				ON CONFLICT (line) DO NOTHING""")
			.param("line", line)
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
