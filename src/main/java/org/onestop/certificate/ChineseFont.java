package org.onestop.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * Chinese and Latin text in Noto Serif CJK SC (SIL Open Font License), of which each
 * certificate embeds the glyphs it prints: an Identity-H CIDFontType2 subset with a
 * ToUnicode map, so that every reader shows, copies and searches the text without fonts
 * of its own. The bundled file is itself a subset (GBK's hanzi, Latin, punctuation; see
 * the README beside it). One instance for all documents: OpenPDF records the glyphs a
 * document uses per writer, not in the font.
 */
final class ChineseFont {

	static final String RESOURCE = "org/onestop/certificate/font/NotoSerifCJKsc-Certificate.ttf";

	static final BaseFont FONT = font();

	private ChineseFont() {
	}

	/** The text as the font prints it: a character it has no glyph for becomes '?'. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (FONT.charExists(c)) {
				out.appendCodePoint(c);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	/**
	 * The printable text broken into lines no wider than {@code width} at this size:
	 * between words in English, anywhere in Chinese, which has no spaces to break at.
	 */
	static List<String> lines(String text, float size, float width) {
		String printable = printable(text);
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < printable.length()) {
			int end = start + 1;
			while (end < printable.length() && FONT.getWidthPoint(printable.substring(start, end + 1), size) <= width) {
				end++;
			}
			int space = printable.lastIndexOf(' ', end);
			if (end < printable.length() && printable.charAt(end) != ' ' && space > start) {
				end = space;
			}
			lines.add(printable.substring(start, end));
			start = end;
			while (start < printable.length() && printable.charAt(start) == ' ') {
				start++;
			}
		}
		return lines;
	}

	private static BaseFont font() {
		try (InputStream in = ChineseFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			return BaseFont.createFont("NotoSerifCJKsc-Certificate.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
					in.readAllBytes(), null);
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("The certificates' font could not be read", ex);
		}
	}

}
