package org.onestop.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OneStop's {@code GET /api/v1/services} written the plainest way: every request reads the
 * published matters' current versions from OneStop's own tables, joins the department
 * name, and writes the same fields as JSON. No cache and no search index: a text query is
 * a plain SQL match on the name and description (both languages), so its order is the
 * code order rather than OneStop's relevance ranking. One round trip per request — the
 * window count gives the total with the page — which is what a team would write first.
 */
@RestController
class CatalogController {

	// Chinese names, as OneStop answers with no Accept-Language (its default locale is zh).
	private static final String PAGE = """
			SELECT m.code, v.definition->'name'->>'zh' AS name, m.department,
			       coalesce(d.name_zh, m.department) AS department_name, v.definition->>'channel' AS channel,
			       (v.definition->>'maxTrips')::int AS max_trips, (v.definition->>'promisedDays')::int AS promised_days,
			       count(*) OVER () AS total
			FROM catalog_matter m
			JOIN catalog_matter_version v ON v.code = m.code AND v.version = m.published_version
			LEFT JOIN identity_department d ON d.code = m.department
			WHERE m.status = 'PUBLISHED'
			  AND (CAST(:q AS text) IS NULL
			       OR v.definition->'name'->>'zh' ILIKE :pattern OR v.definition->'name'->>'en' ILIKE :pattern
			       OR v.definition->'description'->>'zh' ILIKE :pattern
			       OR v.definition->'description'->>'en' ILIKE :pattern)
			ORDER BY m.code
			LIMIT :size OFFSET :offset""";

	/**
	 * The barest read a list could make: narrow columns of the published matters and their
	 * department's name, no JSON document touched (OneStop keeps a matter's name in its
	 * JSONB definition, which the full read above has to open). The stricter yardstick:
	 * what a database read with JSON costs at the least on this machine.
	 */
	private static final String BARE = """
			SELECT m.code, m.department, coalesce(d.name_zh, m.department) AS department_name, m.published_version
			FROM catalog_matter m
			LEFT JOIN identity_department d ON d.code = m.department
			WHERE m.status = 'PUBLISHED'
			ORDER BY m.code
			LIMIT :size""";

	private final JdbcClient db;

	CatalogController(JdbcClient db) {
		this.db = db;
	}

	@GetMapping("/services")
	Map<String, Object> services(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		String text = (q == null || q.isBlank()) ? null : q.strip();
		long[] total = { 0 };
		List<Map<String, Object>> items = db.sql(PAGE)
			.param("q", text)
			.param("pattern", text == null ? null : "%" + escape(text) + "%")
			.param("size", Math.max(1, Math.min(size, 100)))
			.param("offset", Math.max(0, page) * Math.max(1, Math.min(size, 100)))
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("code", rs.getString("code"));
				item.put("name", rs.getString("name"));
				item.put("department", rs.getString("department"));
				item.put("departmentName", rs.getString("department_name"));
				item.put("channel", rs.getString("channel"));
				item.put("maxTrips", rs.getInt("max_trips"));
				item.put("promisedDays", rs.getInt("promised_days"));
				return item;
			})
			.list();
		return Map.of("items", items, "total", total[0]);
	}

	@GetMapping("/services/bare")
	List<Map<String, Object>> bare(@RequestParam(defaultValue = "20") int size) {
		return db.sql(BARE).param("size", Math.max(1, Math.min(size, 100))).query((rs, n) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", rs.getString("code"));
			item.put("department", rs.getString("department"));
			item.put("departmentName", rs.getString("department_name"));
			item.put("version", rs.getInt("published_version"));
			return item;
		}).list();
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
