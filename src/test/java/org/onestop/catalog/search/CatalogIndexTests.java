package org.onestop.catalog.search;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.catalog.MatterQuery;
import org.onestop.catalog.MatterDefinition.Channel;

import static org.onestop.catalog.TestMatters.matter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search index on its own: analysis, synonyms, prefixes, typos, filters and removal.
 */
class CatalogIndexTests {

	private final CatalogIndex index = new CatalogIndex("""
			身份证, 居民身份证, id card, identity card
			公积金, 住房公积金, housing provident fund, provident fund
			""");

	@AfterEach
	void close() throws Exception {
		index.close();
	}

	private List<String> search(String text) {
		return index.search(new MatterQuery(text, null, null, null, 0, 10)).codes();
	}

	private void load() {
		index.replaceAll(List.of(
				matter("PS-ID-001", "PS", "居民身份证换领", "Resident ID card renewal", Channel.HYBRID, "moving"),
				matter("PS-HH-001", "PS", "户口迁移", "Household registration transfer", Channel.HYBRID, "moving"),
				matter("HU-PF-001", "HU", "住房公积金提取", "Housing provident fund withdrawal", Channel.ONLINE),
				matter("MR-BL-001", "MR", "个体工商户营业执照", "Individual business licence", Channel.ONLINE, "business")));
	}

	@Test
	void findsByChineseWordsAndTheirSynonyms() {
		load();
		assertThat(search("身份证")).first().isEqualTo("PS-ID-001");
		assertThat(search("办身份证")).first().isEqualTo("PS-ID-001");
		assertThat(search("公积金提取")).first().isEqualTo("HU-PF-001");
		assertThat(search("户口迁移")).first().isEqualTo("PS-HH-001");
	}

	@Test
	void findsChineseMattersByEnglishSynonyms() {
		load();
		assertThat(search("identity card")).first().isEqualTo("PS-ID-001");
		assertThat(search("ID card")).first().isEqualTo("PS-ID-001");
		assertThat(search("provident fund")).first().isEqualTo("HU-PF-001");
	}

	@Test
	void matchesTheLastWordAsAPrefixWhileTyping() {
		load();
		assertThat(search("busin")).first().isEqualTo("MR-BL-001");
		assertThat(search("household reg")).first().isEqualTo("PS-HH-001");
	}

	@Test
	void forgivesEnglishTypos() {
		load();
		assertThat(search("busines licence")).first().isEqualTo("MR-BL-001");
		assertThat(search("houshold registration")).first().isEqualTo("PS-HH-001");
	}

	@Test
	void suggestsForAWholeQuestionBestFirstWithScores() {
		load();
		List<CatalogIndex.Scored> scored = index.suggest("我的身份证到期了，怎么换", 3);
		assertThat(scored).first().extracting(CatalogIndex.Scored::code).isEqualTo("PS-ID-001");
		assertThat(scored).extracting(CatalogIndex.Scored::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
		assertThat(index.suggest("火箭发射", 3)).isEmpty();
		assertThat(index.suggest(" ", 3)).isEmpty();
	}

	@Test
	void findsNothingForUnrelatedWords() {
		load();
		assertThat(search("火箭发射")).isEmpty();
		assertThat(search("xylophone")).isEmpty();
	}

	@Test
	void filtersByDepartmentChannelAndLifeEventAndBrowsesByCode() {
		load();
		assertThat(index.search(new MatterQuery(null, null, "PS", null, 0, 10)).codes()).containsExactly("PS-HH-001",
				"PS-ID-001");
		assertThat(index.search(new MatterQuery("", null, null, Channel.ONLINE, 0, 10)).codes())
			.containsExactly("HU-PF-001", "MR-BL-001");
		assertThat(index.search(new MatterQuery(null, "moving", null, null, 0, 10)).codes()).hasSize(2);
		CatalogIndex.Hits secondPage = index.search(new MatterQuery(null, null, null, null, 1, 3));
		assertThat(secondPage.codes()).containsExactly("PS-ID-001");
		assertThat(secondPage.total()).isEqualTo(4);
	}

	@Test
	void removedMattersAreNoLongerFound() {
		load();
		index.apply(List.of(), List.of("PS-ID-001"));
		assertThat(search("身份证")).doesNotContain("PS-ID-001");
	}

	@Test
	void newSynonymsApplyWithoutReindexing() {
		load();
		assertThat(search("个体户")).isEmpty();
		index.useSynonyms("个体户, 个体工商户");
		assertThat(search("个体户")).first().isEqualTo("MR-BL-001");
	}

}
