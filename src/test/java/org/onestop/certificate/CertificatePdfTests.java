package org.onestop.certificate;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.onestop.platform.PlatformProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate as other readers take it (Apache PDFBox): its Chinese text extracts,
 * every font is embedded as a subset, every page renders, and it has what PDF/A-2b asks
 * for. No PDF/A validator resolves from Maven Central here (veraPDF needs its own
 * repository), so the PDF/A-2b properties are checked one by one.
 */
class CertificatePdfTests {

	private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";

	private final CertificatePdf pdf = new CertificatePdf(CertificateTests.messages(),
			new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
					new PlatformProperties.Db(null, "postgres", null), 65536,
					URI.create("https://zwfw.example.gov.cn/")));

	private final byte[] bytes = pdf.render(CertificateTests.SAMPLE);

	@Test
	void pdfBoxExtractsTheChineseText() throws Exception {
		String text = PdfReading.text(bytes);

		assertThat(text).contains("居民身份证换领（到期换证）", "张三丰", "市公安局", "2026年11月29日", "7K3M-Q9TX-4HB2-WZ8N", "持证人",
				"Resident ID card renewal");
	}

	@Test
	void englishLinesBreakBetweenWords() throws Exception {
		List<String> words = List.of(PdfReading.text(bytes).split("\\s+"));

		assertThat(words).contains("Scan", "and", "enter", "verification", "code,", "check", "certificate", "genuine.");
	}

	@Test
	void everyFontIsAnEmbeddedTrueTypeSubset() throws Exception {
		try (PDDocument document = PdfReading.load(bytes)) {
			List<PDFont> fonts = PdfReading.fonts(document);

			assertThat(fonts).isNotEmpty();
			for (PDFont font : fonts) {
				assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
				assertThat(font.getName()).as("a subset is tagged ABCDEF+").matches("[A-Z]{6}\\+.+");
				assertThat(font).isInstanceOf(PDType0Font.class);
				PDType0Font type0 = (PDType0Font) font;
				assertThat(type0.getDescendantFont()).isInstanceOf(PDCIDFontType2.class);
				assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
				assertThat(type0.getCOSObject().getCOSName(COSName.ENCODING)).isEqualTo(COSName.IDENTITY_H);
				assertThat(type0.getCOSObject().containsKey(COSName.TO_UNICODE)).isTrue();
			}
		}
	}

	@Test
	void everyPageRendersWithInkWhereTheTitleIs() throws Exception {
		List<BufferedImage> pages = PdfReading.render(bytes, 72);

		assertThat(pages).hasSize(1);
		BufferedImage page = pages.get(0);
		// The title's baseline is 760 pt from the bottom of an 842 pt page: 24 pt glyphs
		// above it.
		int dark = 0;
		for (int y = 842 - 780; y < 842 - 755; y++) {
			for (int x = 56; x < 595 - 56; x++) {
				if ((page.getRGB(x, y) & 0xFF) < 128) {
					dark++;
				}
			}
		}
		assertThat(dark).as("dark pixels of the title").isGreaterThan(500);
	}

	@Test
	void itHasWhatPdfA2bAsksFor() throws Exception {
		try (PDDocument document = PdfReading.load(bytes)) {
			assertThat(document.isEncrypted()).isFalse();
			assertThat(document.getDocument().getDocumentID()).as("the file identifier").isNotNull();
			assertThat(document.getVersion()).isLessThanOrEqualTo(1.7f);

			Document xmp = PdfReading.xmp(document);
			assertThat(PdfReading.xmpValue(xmp, PDFAID, "part")).isEqualTo("2");
			assertThat(PdfReading.xmpValue(xmp, PDFAID, "conformance")).isEqualTo("B");
			var info = document.getDocumentInformation();
			assertThat(xmp.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title").item(0).getTextContent())
				.contains(info.getTitle());
			assertThat(OffsetDateTime.parse(PdfReading.xmpValue(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate"))
				.toInstant()).isEqualTo(info.getCreationDate().toInstant());
			assertThat(PdfReading.xmpValue(xmp, "http://ns.adobe.com/pdf/1.3/", "Producer"))
				.isEqualTo(info.getProducer());
			assertThat(PdfReading.xmpValue(xmp, "http://ns.adobe.com/xap/1.0/", "CreatorTool"))
				.isEqualTo(info.getCreator());

			List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
			assertThat(intents).hasSize(1);
			assertThat(intents.get(0).getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFA1"));
			COSStream profile = intents.get(0).getDestOutputIntent();
			assertThat(profile.getInt(COSName.N)).as("an RGB profile").isEqualTo(3);
			assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
		}
	}

	@Test
	void certificatesRenderedAtOnceDoNotShareGlyphs() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<byte[]>> rendered = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				rendered.add(pool.submit(() -> pdf.render(CertificateTests.SAMPLE)));
			}
			String expected = PdfReading.text(bytes);
			for (Future<byte[]> each : rendered) {
				assertThat(PdfReading.text(each.get())).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
