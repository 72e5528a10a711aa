package org.onestop.catalog.web;

import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.MatterQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The services list and search API's answers, written to JSON once and kept in this
 * node's memory: a crowd asks for the same first page and the same few queries thousands
 * of times between two catalog changes, and searching the index and writing the JSON
 * again each time was most of what such a request cost.
 *
 * <p>
 * Filed under the catalog revision this node has applied (so a publish, withdrawal,
 * life-event or synonym change on any node is followed on this node's next sync, as the
 * index and the pages are), the language, the department names the answer carries (a
 * renamed department gives a new map, so a new answer) and the query. Bounded by the
 * bytes kept ({@code onestop.catalog.answer-memory}, 16 MB), since queries are made up by
 * visitors. Never filled before the first sync or inside a transaction (it may be the one
 * changing the catalog).
 */
@Component
class ServiceListAnswers {

	private final Catalog catalog;

	private final ObjectMapper json;

	private final Cache<Key, byte[]> answers;

	ServiceListAnswers(Catalog catalog, ObjectMapper json,
			@Value("${onestop.catalog.answer-memory:16777216}") long mostBytes) {
		this.catalog = catalog;
		this.json = json;
		this.answers = Caffeine.newBuilder()
			.maximumWeight(mostBytes)
			.weigher((Key key, byte[] body) -> body.length + 256)
			.build();
	}

	private record Key(long revision, String language, Map<String, String> departmentNames, MatterQuery query) {
	}

	/**
	 * The answer to this query as JSON bytes, written by {@code answer} when not kept.
	 */
	byte[] answer(MatterQuery query, String language, Map<String, String> departmentNames, Supplier<Object> answer) {
		long revision = catalog.revision();
		if (revision < 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
			return write(answer.get());
		}
		return answers.get(new Key(revision, language, departmentNames, query), key -> write(answer.get()));
	}

	private byte[] write(Object answer) {
		try {
			return json.writeValueAsBytes(answer);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The services answer could not be written as JSON", ex);
		}
	}

}
