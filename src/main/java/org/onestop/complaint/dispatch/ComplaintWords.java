package org.onestop.complaint.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a complaint as the model sees them: SmartCN segmentation, which also lower
 * cases and Porter-stems the English, with its stop words (punctuation among them)
 * removed. Pure numbers are dropped: house numbers and dates say where and when, not who
 * leads.
 */
final class ComplaintWords {

	// An Analyzer is thread-safe (it keeps one token stream per thread).
	private static final Analyzer ANALYZER = new SmartChineseAnalyzer(true);

	private ComplaintWords() {
	}

	static List<String> of(String text) {
		List<String> words = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return words;
		}
		try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String word = term.toString();
				if (!isNumber(word)) {
					words.add(word);
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	private static boolean isNumber(String word) {
		return word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
	}

}
