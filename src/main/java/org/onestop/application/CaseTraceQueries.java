package org.onestop.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supplement requests and trips of one application, for {@link CaseTraces}. */
@Repository
class CaseTraceQueries {

	private final JdbcClient db;

	private final ObjectMapper json;

	CaseTraceQueries(JdbcClient db, ObjectMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Every item asked for in a supplement round, in the order asked, each once. */
	List<String> supplementItems(UUID applicationId) {
		List<String> documents = db.sql("""
				SELECT items::text FROM application_request
				WHERE application_id = :a AND kind = 'SUPPLEMENT' ORDER BY requested_at""")
			.param("a", applicationId)
			.query(String.class)
			.list();
		List<String> items = new ArrayList<>();
		for (String document : documents) {
			for (String item : read(document)) {
				if (!item.isBlank() && !items.contains(item)) {
					items.add(item);
				}
			}
		}
		return items;
	}

	List<CaseTraces.Visit> visits(UUID applicationId) {
		return db.sql("SELECT hall, purpose, ticket FROM application_trip WHERE application_id = :a ORDER BY at, id")
			.param("a", applicationId)
			.query((rs, n) -> new CaseTraces.Visit(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))
			.list();
	}

	private List<String> read(String document) {
		try {
			return json.readValue(document, new TypeReference<List<String>>() {
			});
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable supplement items", ex);
		}
	}

}
