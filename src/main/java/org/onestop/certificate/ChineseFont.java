package org.onestop.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfStream;

/**
 * Chinese and Latin text in STSong-Light, one of the fonts every PDF reader supplies for
 * Chinese, so nothing is embedded and a certificate stays a few kilobytes. The font is
 * written with Identity-H: text goes in as Adobe-GB1 CIDs, found with Adobe's
 * UniGB-UCS2-H CMap (bundled in OpenPDF's binary form, see ChineseFontTests), and a
 * ToUnicode map of the characters used lets readers copy and search the text, and lets
 * OpenPDF's own extractor read it (it understands no other CJK encoding). One instance
 * per document.
 */
final class ChineseFont {

	static final String CMAP = "com/lowagie/text/pdf/fonts/UniGB-UCS2-H.cmap";

	private static final char[] CID_OF = cidsOf(CMAP);

	static final BaseFont FONT = font();

	private final Map<Character, Character> used = new TreeMap<>();

	/** The text as CIDs; what the font lacks becomes a question mark. */
	String cids(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			char cid = CID_OF[c] != 0 ? CID_OF[c] : CID_OF['?'];
			used.putIfAbsent(cid, CID_OF[c] != 0 ? c : '?');
			out.append(cid);
		}
		return out.toString();
	}

	/**
	 * The finished PDF with a ToUnicode map on the font, for the characters this instance
	 * wrote.
	 */
	byte[] withToUnicode(byte[] pdf) {
		try {
			PdfReader reader = new PdfReader(pdf);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
			PdfStamper stamper = new PdfStamper(reader, out);
			for (int i = 1; i < reader.getXrefSize(); i++) {
				PdfObject object = reader.getPdfObject(i);
				if (object instanceof PdfDictionary font && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))
						&& font.get(PdfName.TOUNICODE) == null) {
					PdfStream map = new PdfStream(toUnicode().getBytes(StandardCharsets.US_ASCII));
					map.flateCompress();
					font.put(PdfName.TOUNICODE, stamper.getWriter().addToBody(map).getIndirectReference());
				}
			}
			stamper.close();
			reader.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("The certificate's text map could not be added", ex);
		}
	}

	private String toUnicode() {
		StringBuilder cmap = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		var entries = used.entrySet().stream().toList();
		for (int from = 0; from < entries.size(); from += 100) {
			var block = entries.subList(from, Math.min(from + 100, entries.size()));
			cmap.append(block.size()).append(" beginbfchar\n");
			block.forEach(e -> cmap.append("<%04X> <%04X>%n".formatted((int) e.getKey(), (int) e.getValue())));
			cmap.append("endbfchar\n");
		}
		return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
	}

	private static BaseFont font() {
		try {
			return BaseFont.createFont("STSong-Light", "Identity-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException(
					"STSong-Light is missing: are OpenPDF's cjkfonts.properties on the classpath?", ex);
		}
	}

	/**
	 * Unicode (BMP) to CID: OpenPDF's binary CMap, 65,536 big-endian CIDs, 0 where the
	 * font has no glyph.
	 */
	private static char[] cidsOf(String resource) {
		try (InputStream in = ChineseFont.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing");
			}
			byte[] bytes = in.readAllBytes();
			char[] cids = new char[0x10000];
			for (int c = 0; c < cids.length; c++) {
				cids[c] = (char) ((bytes[2 * c] & 0xFF) << 8 | bytes[2 * c + 1] & 0xFF);
			}
			return cids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
