package org.onestop.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The font files bundled for OpenPDF are Adobe's, as published in
 * com.itextpdf:font-asian: the metrics as they are, and the Unicode-to-CID CMap converted
 * to the binary form OpenPDF reads (65,536 big-endian CIDs).
 */
class ChineseFontTests {

	private static final String ADOBE = "com/itextpdf/io/font/cmap/";

	@Test
	void theCmapIsAdobesUniGbUcs2H() throws IOException {
		assertThat(bytes(ChineseFont.CMAP))
			.isEqualTo(binary(cids(new String(bytes(ADOBE + "UniGB-UCS2-H"), StandardCharsets.ISO_8859_1))));
	}

	@Test
	void theMetricsAreAdobes() throws IOException {
		assertThat(bytes("com/lowagie/text/pdf/fonts/STSong-Light.properties"))
			.isEqualTo(bytes(ADOBE + "STSong-Light.properties"));
	}

	@Test
	void chineseAndLatinHaveGlyphs() {
		String cids = new ChineseFont().cids("证 A");
		assertThat(cids.chars()).allMatch(c -> c != 0);
		assertThat(cids.charAt(1)).as("the space").isEqualTo((char) 1);
	}

	/** Unicode (BMP) to CID, from the cidrange and cidchar blocks of an Adobe CMap. */
	static char[] cids(String cmap) {
		char[] cids = new char[0x10000];
		Matcher blocks = Pattern.compile("begincid(range|char)(.*?)endcid\\1", Pattern.DOTALL).matcher(cmap);
		Pattern range = Pattern.compile("<(\\p{XDigit}{4})>\\s*<(\\p{XDigit}{4})>\\s*(\\d+)");
		Pattern single = Pattern.compile("<(\\p{XDigit}{4})>\\s*(\\d+)");
		while (blocks.find()) {
			boolean isRange = blocks.group(1).equals("range");
			Matcher line = (isRange ? range : single).matcher(blocks.group(2));
			while (line.find()) {
				int from = Integer.parseInt(line.group(1), 16);
				int to = isRange ? Integer.parseInt(line.group(2), 16) : from;
				int cid = Integer.parseInt(line.group(isRange ? 3 : 2));
				for (int c = from; c <= to; c++) {
					cids[c] = (char) (cid + c - from);
				}
			}
		}
		return cids;
	}

	static byte[] binary(char[] cids) {
		byte[] out = new byte[cids.length * 2];
		for (int c = 0; c < cids.length; c++) {
			out[2 * c] = (byte) (cids[c] >> 8);
			out[2 * c + 1] = (byte) cids[c];
		}
		return out;
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = ChineseFontTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
	}

}
