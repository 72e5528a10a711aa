package org.onestop.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's complaint categories ({@code demo/complaints/categories.json}), loaded
 * once; administrators change them afterwards.
 */
@Component
@Profile("!prod")
@Order(55)
class ComplaintDemoData implements ApplicationRunner {

	private final CategoryStore store;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	ComplaintDemoData(CategoryStore store, TransactionTemplate transactions, ObjectMapper json) {
		this.store = store;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Two nodes starting together: one loads while the other waits, then finds them.
		transactions.executeWithoutResult(status -> {
			store.lockForLoading();
			if (store.count() == 0) {
				load();
			}
		});
	}

	private void load() {
		try (InputStream in = new ClassPathResource("demo/complaints/categories.json").getInputStream()) {
			int position = 0;
			for (JsonNode group : json.readTree(in)) {
				String groupCode = group.get("code").asText();
				store.save(new Category(groupCode, null, group.at("/name/zh").asText(), group.at("/name/en").asText(),
						"", "", null, false, null, null, position++, true));
				for (JsonNode leaf : group.get("children")) {
					store.save(new Category(leaf.get("code").asText(), groupCode, leaf.at("/name/zh").asText(),
							leaf.at("/name/en").asText(), leaf.at("/description/zh").asText(),
							leaf.at("/description/en").asText(), leaf.get("leadDepartment").asText(),
							leaf.get("certain").asBoolean(), UrgencyTier.valueOf(leaf.get("urgencyTier").asText()),
							leaf.get("duplicateRadiusMetres").asInt(), position++, true));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
