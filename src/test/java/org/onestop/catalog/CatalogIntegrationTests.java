package org.onestop.catalog;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.shared.LocalizedText;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Versions, publishing and withdrawal, and a second node's index following the first. */
@IntegrationTest
class CatalogIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	MatterStore store;

	@Autowired
	LifeEventStore lifeEvents;

	@Autowired
	SynonymStore synonyms;

	@Autowired
	MatterRules rules;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient db;

	@Autowired
	ObjectMapper json;

	private MatterDefinition parking(String code, String zh) {
		return TestMatters.matter(code, "TR", zh,
				"Residential parking permit No. " + code.substring(code.lastIndexOf('-') + 1),
				MatterDefinition.Channel.ONLINE);
	}

	@Test
	void anEditorSavesVersionsAndOnlyThePublishedOneIsPublic() throws Exception {
		String editor = "Bearer " + Tokens.of(mvc, "editor");
		String v1 = json.writeValueAsString(parking("TR-TST-001", "测试停车证一"));
		mvc.perform(put("/api/v1/admin/matters/TR-TST-001").header("Authorization", editor)
			.contentType(MediaType.APPLICATION_JSON)
			.content(v1)).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/api/v1/services/TR-TST-001")).andExpect(status().isNotFound());

		mvc.perform(post("/api/v1/admin/matters/TR-TST-001/versions/1/publish").header("Authorization", editor))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services/TR-TST-001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.definition.name.zh").value("测试停车证一"));
		mvc.perform(get("/api/v1/services").param("q", "测试停车证一"))
			.andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.hasItem("TR-TST-001")));

		String v2 = json.writeValueAsString(parking("TR-TST-001", "测试停车证二"));
		mvc.perform(put("/api/v1/admin/matters/TR-TST-001").header("Authorization", editor)
			.contentType(MediaType.APPLICATION_JSON)
			.content(v2)).andExpect(jsonPath("$.version").value(2));
		// Saving a draft changes nothing the public sees, nor version 1 itself.
		mvc.perform(get("/api/v1/services/TR-TST-001")).andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/api/v1/admin/matters/TR-TST-001/versions/2/publish").header("Authorization", editor))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services/TR-TST-001")).andExpect(jsonPath("$.definition.name.zh").value("测试停车证二"));
		assertThat(catalog.matter("TR-TST-001", 1).orElseThrow().definition().name().zh()).isEqualTo("测试停车证一");

		mvc.perform(post("/api/v1/admin/matters/TR-TST-001/withdraw").header("Authorization", editor))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services/TR-TST-001")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/services").param("q", "测试停车证二"))
			.andExpect(jsonPath("$.items[*].code",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("TR-TST-001"))));
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE subject = 'matter:TR-TST-001'")
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void storedVersionsCannotBeChanged() {
		int version = catalog.save("test", parking("TR-TST-002", "测试停车证"));
		assertThatThrownBy(
				() -> db.sql("UPDATE catalog_matter_version SET definition = '{}' WHERE code = 'TR-TST-002'").update())
			.hasMessageContaining("never changes");
		assertThat(version).isEqualTo(1);
	}

	@Test
	void aSecondNodeFollowsPublishingAndWithdrawalWithinASync() {
		CatalogIndexSync otherNode = new CatalogIndexSync(store, synonyms);
		otherNode.sync();
		Catalog catalogOnOtherNode = new Catalog(store, lifeEvents, synonyms, otherNode,
				new CatalogCache(store, lifeEvents, otherNode), rules, events, clock);
		MatterQuery query = new MatterQuery("测试跨节点停车证", null, null, null, 0, 10);
		assertThat(catalogOnOtherNode.search(query).items()).extracting(Matter::code).doesNotContain("TR-TST-003");

		catalog.publish("test", "TR-TST-003", catalog.save("test", parking("TR-TST-003", "测试跨节点停车证")));
		otherNode.sync();
		assertThat(catalogOnOtherNode.search(query).items()).extracting(Matter::code).first().isEqualTo("TR-TST-003");

		catalog.withdraw("test", "TR-TST-003");
		// Until the other node's next sync (a second at most), its index and its cached
		// matters still hold it.
		assertThat(otherNode.index().search(query).codes()).contains("TR-TST-003");
		otherNode.sync();
		assertThat(otherNode.index().search(query).codes()).doesNotContain("TR-TST-003");
		assertThat(catalogOnOtherNode.search(query).items()).extracting(Matter::code).doesNotContain("TR-TST-003");
	}

	@Test
	void synonymsAddedByAnAdministratorWorkAtOnce() throws Exception {
		catalog.publish("test", "TR-TST-004", catalog.save("test", parking("TR-TST-004", "测试小区停车证")));
		mvc.perform(get("/api/v1/services").param("q", "车位许可"))
			.andExpect(jsonPath("$.items[*].code",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("TR-TST-004"))));
		mvc.perform(post("/api/v1/admin/search-synonyms").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"line\":\"车位许可, 小区停车证\"}")).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services").param("q", "车位许可"))
			.andExpect(jsonPath("$.items[0].code").value("TR-TST-004"));
		mvc.perform(post("/api/v1/admin/search-synonyms").header("Authorization", "Bearer " + Tokens.of(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"line\":\"onlyoneword\"}")).andExpect(status().isBadRequest());
	}

	@Test
	void matterRulesNameEveryBrokenRule() throws Exception {
		MatterDefinition broken = new MatterDefinition("bad code", "XX", "Bad Category", new LocalizedText("名", ""),
				new LocalizedText("说明", "About"), java.util.List.of("no-such-event"), MatterDefinition.Channel.OFFLINE,
				null, 0, 10, 5, new java.math.BigDecimal("-1"), null, new LocalizedText("条件", "Who"), null, null, null,
				java.util.List.of(), null, null);
		mvc.perform(put("/api/v1/admin/matters/bad code").header("Authorization", "Bearer " + Tokens.of(mvc, "editor"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(broken)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.containsInAnyOrder("code", "department", "name", "category", "maxTrips",
							"channelReason", "statutoryDays", "feeYuan", "halls", "lifeEvents")));
	}

	@Test
	void searchParametersAreChecked() throws Exception {
		mvc.perform(get("/api/v1/services").param("size", "1000")
			.param("channel", "BY_PIGEON")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("size", "channel")));
		mvc.perform(get("/api/v1/services/NO-SUCH-999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("页面不存在"));
	}

	@Test
	void citizensCannotEditTheCatalog() throws Exception {
		mvc.perform(put("/api/v1/admin/matters/TR-TST-009").header("Authorization", "Bearer " + Tokens.of(mvc, "li.na"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(parking("TR-TST-009", "x")))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/admin/matters/TR-TST-009")
			.header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.civil"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(parking("TR-TST-009", "x")))).andExpect(status().isForbidden());
	}

}
