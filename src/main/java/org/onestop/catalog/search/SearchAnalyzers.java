package org.onestop.catalog.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * One analysis chain for Chinese and English alike: SmartCN segmentation (which passes
 * Latin words through), lower case, punctuation and English stop words removed, Porter
 * stemming. Synonyms are applied at query time only, so that administrators can extend
 * them without re-indexing.
 */
final class SearchAnalyzers {

	private static final CharArraySet STOP_WORDS;

	static {
		CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
		stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		STOP_WORDS = CharArraySet.unmodifiableSet(stop);
	}

	private SearchAnalyzers() {
	}

	/** The analyzer for indexing: segmentation, lower case, stop words, stemming. */
	static Analyzer index() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				return new TokenStreamComponents(tokenizer, new PorterStemFilter(words(tokenizer)));
			}
		};
	}

	/**
	 * Tokens as typed (segmented, lower case, stop words removed) but not stemmed: for
	 * prefixes and fuzziness.
	 */
	static Analyzer unstemmed() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				return new TokenStreamComponents(tokenizer, words(tokenizer));
			}
		};
	}

	/**
	 * The analyzer for queries: like {@link #index()}, with the synonyms expanded before
	 * stemming.
	 */
	static Analyzer query(SynonymMap synonyms) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String field) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				TokenStream stream = words(tokenizer);
				if (synonyms.fst != null) {
					stream = new SynonymGraphFilter(stream, synonyms, true);
				}
				return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
			}
		};
	}

	/**
	 * Parses synonym groups in Solr format ({@code a, b, c} per line, {@code #} for
	 * comments). Each term is first segmented as queries are, stop words and punctuation
	 * dropped, so that a phrase such as {@code treatment in another city} matches the
	 * tokens a query actually produces.
	 */
	static SynonymMap synonyms(String text) {
		StringBuilder normalised = new StringBuilder();
		try (Analyzer segmenter = unstemmed(); Analyzer whitespace = new WhitespaceAnalyzer()) {
			for (String line : text.split("\\R")) {
				String rule = line.strip();
				if (rule.isEmpty() || rule.startsWith("#")) {
					continue;
				}
				List<String> terms = new ArrayList<>();
				for (String term : rule.split("[,，]")) {
					String tokens = String.join(" ", tokens(segmenter, term));
					if (!tokens.isEmpty()) {
						terms.add(tokens);
					}
				}
				if (terms.size() > 1) {
					normalised.append(String.join(", ", terms)).append('\n');
				}
			}
			SolrSynonymParser parser = new SolrSynonymParser(true, true, whitespace);
			parser.parse(new StringReader(normalised.toString()));
			return parser.build();
		}
		catch (IOException | ParseException ex) {
			throw new IllegalArgumentException("Synonyms could not be read: " + ex.getMessage(), ex);
		}
	}

	/** The tokens an analyzer makes of a text. */
	static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("any", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static TokenStream words(Tokenizer tokenizer) {
		return new StopFilter(new LowerCaseFilter(tokenizer), STOP_WORDS);
	}

}
