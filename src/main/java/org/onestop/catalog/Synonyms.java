package org.onestop.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.lucene.analysis.synonym.SynonymMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search synonyms: the built-in groups shipped with OneStop plus those administrators add, one group
 * per line ({@code 身份证, 居民身份证, id card}).
 */
@Component
class Synonyms {

	private final JdbcClient db;
	private final String builtIn;

	Synonyms(JdbcClient db) {
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

	String builtIn() {
		return builtIn;
	}

	SynonymMap load() {
		return SearchAnalyzers.synonyms(builtIn + "\n" + String.join("\n", added()));
	}

	/** Adds a group after checking that it parses; answers false when the same line was there already. */
	boolean add(String line, String actor, Instant now) {
		SearchAnalyzers.synonyms(line);
		return db.sql("""
				INSERT INTO catalog_synonym (line, added_by, added_at) VALUES (:line, :actor, :now)
				ON CONFLICT (line) DO NOTHING""")
			.param("line", line).param("actor", actor).param("now", Timestamp.from(now))
			.update() == 1;
	}
}
