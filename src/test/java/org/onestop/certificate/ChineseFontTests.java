package org.onestop.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled font prints what certificates carry (every hanzi of GB 2312 and GBK, Latin,
 * punctuation), may be embedded, and ships with its licence.
 */
class ChineseFontTests {

	@Test
	void everyHanziOfGbkHasAGlyph() throws IOException {
		int checked = 0;
		for (int c = 0x4E00; c <= 0x9FA5; c++) {
			assertThat(ChineseFont.FONT.charExists(c)).as("U+%04X %s", c, Character.toString(c)).isTrue();
			checked++;
		}
		assertThat(checked).isEqualTo(20_902);
	}

	@Test
	void everyCharacterOfGb2312HasAGlyph() throws CharacterCodingException {
		var decoder = Charset.forName("GB2312").newDecoder().onMalformedInput(CodingErrorAction.REPORT);
		int checked = 0;
		for (int high = 0xA1; high <= 0xF7; high++) {
			for (int low = 0xA1; low <= 0xFE; low++) {
				String c;
				try {
					c = decoder.decode(ByteBuffer.wrap(new byte[] { (byte) high, (byte) low })).toString();
				}
				catch (CharacterCodingException unassigned) {
					continue;
				}
				assertThat(ChineseFont.printable(c)).as("GB2312 %02X%02X %s", high, low, c).isEqualTo(c);
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(7445);
	}

	@Test
	void latinAndPunctuationPrintAsTheyAre() {
		String text = "Résumé № 12: “Ça va” — 张三丰，（到期换证）。 ABC-123 https://zwfw.example.gov.cn/verify";
		assertThat(ChineseFont.printable(text)).isEqualTo(text);
	}

	@Test
	void whatTheFontLacksBecomesAQuestionMark() {
		assertThat(ChineseFont.printable("王㐀明𠮷")).isEqualTo("王?明?");
	}

	@Test
	void theFileIsAnInstallableTrueTypeFontWithItsLicence() throws IOException {
		TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes(ChineseFont.RESOURCE)));
		assertThat(font.getGlyph()).as("TrueType outlines, which OpenPDF subsets").isNotNull();
		assertThat(font.getOS2Windows().getFsType() & 0x000E).as("no restriction on embedding (fsType bits 1-3 clear)")
			.isZero();
		assertThat(font.getName()).isEqualTo("NotoSerifCJKsc-Regular");
		String licence = new String(bytes("org/onestop/certificate/font/OFL.txt"));
		assertThat(licence).contains("SIL OPEN FONT LICENSE Version 1.1");
		font.close();
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = ChineseFontTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
	}

}
