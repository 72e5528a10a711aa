package org.onestop.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.onestop.catalog.MatterStore.Change;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.onestop.shared.LocalizedText;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-node cache of published matters and life events: another node's changes are
 * served once this node's sync has seen them, and never stale after that; this node's own
 * are served at once.
 */
@IntegrationTest
class CatalogCacheIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogIndexSync sync;

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
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	private static MatterDefinition permit(String code, String zh) {
		return TestMatters.matter(code, "TR", zh,
				"Cached parking permit No. " + code.substring(code.lastIndexOf('-') + 1),
				MatterDefinition.Channel.ONLINE);
	}

	/**
	 * A second node on the same database: its own index, sync and cache; synced only when
	 * the test says so.
	 */
	private record Node(CatalogIndexSync sync, CatalogCache cache, Catalog catalog) {
	}

	private Node otherNode() {
		CatalogIndexSync otherSync = new CatalogIndexSync(store, synonyms);
		otherSync.sync();
		CatalogCache cache = new CatalogCache(store, lifeEvents, otherSync);
		return new Node(otherSync, cache,
				new Catalog(store, lifeEvents, synonyms, otherSync, cache, rules, events, clock));
	}

	@Test
	void anotherNodesChangesAreServedOnceTheSyncHasSeenThemAndNeverStaleAfter() {
		Node other = otherNode();
		MatterQuery query = new MatterQuery("测试缓存停车证", null, null, null, 0, 10);
		catalog.publish("test", "TR-TST-101", catalog.save("test", permit("TR-TST-101", "测试缓存停车证")));
		other.sync().sync();
		assertThat(other.cache().matter("TR-TST-101")).map(Matter::version).contains(1);
		assertThat(other.catalog().search(query).items()).filteredOn(m -> m.code().equals("TR-TST-101"))
			.extracting(Matter::version)
			.containsExactly(1);

		catalog.publish("test", "TR-TST-101", catalog.save("test", permit("TR-TST-101", "测试缓存停车证")));
		// Served from the other node's memory until its sync sees the new revision (a
		// second at most).
		assertThat(other.cache().matter("TR-TST-101")).map(Matter::version).contains(1);
		other.sync().sync();
		assertThat(other.cache().matter("TR-TST-101")).map(Matter::version).contains(2);
		assertThat(other.catalog().search(query).items()).filteredOn(m -> m.code().equals("TR-TST-101"))
			.extracting(Matter::version)
			.containsExactly(2);

		catalog.withdraw("test", "TR-TST-101");
		assertThat(other.cache().matter("TR-TST-101")).isPresent();
		other.sync().sync();
		assertThat(other.cache().matter("TR-TST-101")).isEmpty();
		assertThat(other.cache().matter("TR-TST-101")).isEmpty();
		assertThat(other.catalog().search(query).items()).extracting(Matter::code).doesNotContain("TR-TST-101");
		assertThat(other.cache().matters(List.of("TR-TST-101"))).isEmpty();
	}

	@Test
	void anotherNodesLifeEventEditIsServedOnceTheSyncHasSeenIt() {
		Node other = otherNode();
		List<LifeEvent> all = lifeEvents.all();
		LifeEvent marriage = all.stream().filter(e -> e.code().equals("marriage")).findFirst().orElseThrow();
		LifeEvent edited = new LifeEvent("marriage", marriage.name(),
				new LocalizedText("测试缓存的说明。", "Cache test description."), marriage.matters(), marriage.bundle());
		assertThat(other.cache().lifeEvent("marriage")).contains(marriage);
		try {
			catalog.saveLifeEvent("test", edited, all.indexOf(marriage));
			assertThat(other.cache().lifeEvent("marriage")).contains(marriage);
			other.sync().sync();
			assertThat(other.cache().lifeEvent("marriage")).contains(edited);
			assertThat(other.cache().lifeEvents()).contains(edited).doesNotContain(marriage);
		}
		finally {
			catalog.saveLifeEvent("test", marriage, all.indexOf(marriage));
		}
		other.sync().sync();
		assertThat(other.cache().lifeEvent("marriage")).contains(marriage);
	}

	@Test
	void aChangeWrittenByAnotherNodeReachesThisNodesPagesAfterItsSync() throws Exception {
		catalog.publish("test", "TR-TST-102", catalog.save("test", permit("TR-TST-102", "测试他处停车证")));
		mvc.perform(get("/api/v1/services/TR-TST-102")).andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/services/TR-TST-102")).andExpect(status().isOk());

		// What another node's publish leaves in the database: the new version, and the
		// change log; no event here.
		transactions.executeWithoutResult(tx -> {
			int version = store.saveVersion(permit("TR-TST-102", "测试他处停车证二"), "other-node", clock.instant());
			store.publish("TR-TST-102", version, clock.instant());
			store.recordChange(Change.Kind.MATTER, List.of("TR-TST-102"));
		});
		sync.sync();
		mvc.perform(get("/api/v1/services/TR-TST-102")).andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/services/TR-TST-102")).andExpect(content().string(containsString("测试他处停车证二")));
		mvc.perform(get("/api/v1/services").param("q", "测试他处停车证二"))
			.andExpect(jsonPath("$.items[0].name").value("测试他处停车证二"));

		// And the scheduled sync, every second, finds a withdrawal by itself.
		transactions.executeWithoutResult(tx -> {
			store.withdraw("TR-TST-102", clock.instant());
			store.recordChange(Change.Kind.MATTER, List.of("TR-TST-102"));
		});
		assertThat(within(Duration.ofSeconds(10), () -> statusOf("/api/v1/services/TR-TST-102") == 404)).isTrue();
		mvc.perform(get("/services/TR-TST-102")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/services").param("q", "测试他处停车证"))
			.andExpect(jsonPath("$.items[*].code", not(hasItem("TR-TST-102"))));
	}

	@Test
	void thisNodesOwnChangesAreServedAtOnce() throws Exception {
		String editor = "Bearer " + Tokens.of(mvc, "editor");
		catalog.publish("test", "TR-TST-103", catalog.save("test", permit("TR-TST-103", "测试本处停车证一")));
		mvc.perform(get("/api/v1/services/TR-TST-103")).andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/api/v1/services").param("q", "测试本处停车证一"))
			.andExpect(jsonPath("$.items[0].code").value("TR-TST-103"));

		int second = catalog.save("test", permit("TR-TST-103", "测试本处停车证二"));
		mvc.perform(post("/api/v1/admin/matters/TR-TST-103/versions/" + second + "/publish").header("Authorization",
				editor))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services/TR-TST-103")).andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/services/TR-TST-103")).andExpect(content().string(containsString("测试本处停车证二")));

		mvc.perform(post("/api/v1/admin/matters/TR-TST-103/withdraw").header("Authorization", editor))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/services/TR-TST-103")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/services").param("q", "测试本处停车证"))
			.andExpect(jsonPath("$.items[*].code", not(hasItem("TR-TST-103"))));

		List<LifeEvent> all = lifeEvents.all();
		LifeEvent school = all.stream().filter(e -> e.code().equals("school")).findFirst().orElseThrow();
		mvc.perform(get("/")).andExpect(status().isOk());
		try {
			catalog.saveLifeEvent("test", new LifeEvent("school", new LocalizedText("测试上学缓存", "Cache test school"),
					school.description(), school.matters(), school.bundle()), all.indexOf(school));
			mvc.perform(get("/")).andExpect(content().string(containsString("测试上学缓存")));
		}
		finally {
			catalog.saveLifeEvent("test", school, all.indexOf(school));
		}
		mvc.perform(get("/")).andExpect(content().string(not(containsString("测试上学缓存"))));
	}

	private int statusOf(String path) {
		try {
			return mvc.perform(get(path)).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(100);
		}
		return condition.getAsBoolean();
	}

}
