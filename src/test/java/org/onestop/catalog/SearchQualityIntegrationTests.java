package org.onestop.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onestop.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What citizens type, and what must come first: the queries in
 * demo/catalog/search-quality.tsv against the demo catalog. A change to analysis,
 * synonyms or boosts that makes any of them worse fails here.
 */
@IntegrationTest
class SearchQualityIntegrationTests {

	@Autowired
	Catalog catalog;

	record Expectation(String query, String firstCode) {

		@Override
		public String toString() {
			return query + " → " + firstCode;
		}
	}

	static Stream<Expectation> expectations() throws IOException {
		List<String> lines = new ClassPathResource("demo/catalog/search-quality.tsv")
			.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.skip(1)
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList();
		assertThat(lines).hasSizeGreaterThanOrEqualTo(24);
		return lines.stream().map(l -> l.split("\t")).map(f -> new Expectation(f[0].strip(), f[1].strip()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("expectations")
	void theExpectedMatterComesFirst(Expectation expectation) {
		List<String> codes = catalog.search(new MatterQuery(expectation.query(), null, null, null, 0, 5))
			.items()
			.stream()
			.map(Matter::code)
			.toList();
		assertThat(codes).as("results for %s", expectation.query()).isNotEmpty();
		assertThat(codes.get(0)).as("first result for %s (all: %s)", expectation.query(), codes)
			.isEqualTo(expectation.firstCode());
	}

}
