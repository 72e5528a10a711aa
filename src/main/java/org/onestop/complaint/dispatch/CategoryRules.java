package org.onestop.complaint.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The category rules of the category tree, by code: what the model is told a training
 * row's rule was (at suggestion time the caller passes the complaint's rule).
 */
final class CategoryRules {

	/** The demo city's category tree, on the classpath. */
	static final String DEMO = "demo/complaints/categories.json";

	private CategoryRules() {
	}

	static Map<String, CategoryRule> demo() {
		try (InputStream in = CategoryRules.class.getClassLoader().getResourceAsStream(DEMO)) {
			if (in == null) {
				throw new IllegalStateException("The complaint categories are missing from the classpath: " + DEMO);
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads the leaves of a category tree: groups whose children are the leaves. */
	static Map<String, CategoryRule> read(InputStream in) throws IOException {
		Map<String, CategoryRule> rules = new HashMap<>();
		for (JsonNode group : new ObjectMapper().readTree(in)) {
			for (JsonNode leaf : group.path("children")) {
				String code = leaf.get("code").asText();
				rules.put(code, new CategoryRule(code, leaf.get("leadDepartment").asText(),
						leaf.path("certain").asBoolean(false)));
			}
		}
		return Map.copyOf(rules);
	}

}
