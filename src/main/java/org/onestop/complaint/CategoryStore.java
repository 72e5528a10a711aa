package org.onestop.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree's table. */
@Repository
class CategoryStore {

	private static final String COLUMNS = """
			code, parent_code, name_zh, name_en, description_zh, description_en, lead_department, certain,
			urgency_tier, duplicate_radius_metres, position, active""";

	private static final String UPSERT = """
			INSERT INTO complaint_category (code, parent_code, name_zh, name_en, description_zh, description_en,
			    lead_department, certain, urgency_tier, duplicate_radius_metres, position, active)
			VALUES (:code, :parent, :nameZh, :nameEn, :descriptionZh, :descriptionEn, :lead, :certain, :tier, :radius,
			    :position, :active)
			ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, name_zh = EXCLUDED.name_zh,
			    name_en = EXCLUDED.name_en, description_zh = EXCLUDED.description_zh,
			    description_en = EXCLUDED.description_en, lead_department = EXCLUDED.lead_department,
			    certain = EXCLUDED.certain, urgency_tier = EXCLUDED.urgency_tier,
			    duplicate_radius_metres = EXCLUDED.duplicate_radius_metres, position = EXCLUDED.position,
			    active = EXCLUDED.active""";

	private final JdbcClient db;

	CategoryStore(JdbcClient db) {
		this.db = db;
	}

	List<Category> all() {
		return db.sql("SELECT " + COLUMNS + " FROM complaint_category ORDER BY position, code")
			.query(CategoryStore::category)
			.list();
	}

	Optional<Category> find(String code) {
		return db.sql("SELECT " + COLUMNS + " FROM complaint_category WHERE code = :code")
			.param("code", code)
			.query(CategoryStore::category)
			.optional();
	}

	int count() {
		return db.sql("SELECT count(*) FROM complaint_category").query(Integer.class).single();
	}

	void save(Category c) {
		db.sql(UPSERT)
			.param("code", c.code())
			.param("parent", c.parentCode())
			.param("nameZh", c.nameZh())
			.param("nameEn", c.nameEn())
			.param("descriptionZh", c.descriptionZh())
			.param("descriptionEn", c.descriptionEn())
			.param("lead", c.leadDepartment())
			.param("certain", c.certain())
			.param("tier", c.urgencyTier() == null ? null : c.urgencyTier().name())
			.param("radius", c.duplicateRadiusMetres())
			.param("position", c.position())
			.param("active", c.active())
			.update();
	}

	/**
	 * Serialises loaders of the demo categories across nodes (within the caller's
	 * transaction).
	 */
	void lockForLoading() {
		db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.demo.complaint'))").query().singleRow();
	}

	private static Category category(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String tier = rs.getString("urgency_tier");
		Integer radius = rs.getObject("duplicate_radius_metres", Integer.class);
		return new Category(rs.getString("code"), rs.getString("parent_code"), rs.getString("name_zh"),
				rs.getString("name_en"), rs.getString("description_zh"), rs.getString("description_en"),
				rs.getString("lead_department"), rs.getBoolean("certain"),
				tier == null ? null : UrgencyTier.valueOf(tier), radius, rs.getInt("position"),
				rs.getBoolean("active"));
	}

}
