package org.onestop.certificate;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import org.onestop.platform.PlatformProperties;
import org.onestop.shared.ContactChannel;
import org.onestop.shared.LocalizedText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The receipt as another reader (PDFBox) takes it: its text in the reader's language on
 * A4 and on an 80 mm roll that is as long as the receipt, and a QR code that reads back
 * as the application's page.
 */
class ReceiptsTests {

	static final String ID_NUMBER = "11010519491231002X";

	static final ReceiptRequest AT_THE_COUNTER = new ReceiptRequest("CA-2026-000123",
			new LocalizedText("高龄津贴申领", "Elderly allowance"), new LocalizedText("市民政局", "Civil Affairs Bureau"), "王芳",
			ID_NUMBER, Instant.parse("2026-12-04T02:30:00Z"), ContactChannel.COUNTER,
			new LocalizedText("市政务服务中心", "City Government Service Center"), new LocalizedText("3号窗口", "Counter 3"),
			"刘洋", LocalDate.of(2026, 12, 18), "/applications/5b0f5e0c-44f4-4a57-9f0e-8f0d6a7b1c2d");

	private final Receipts receipts = new Receipts(CertificateTests.messages(),
			new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
					new PlatformProperties.Db(null, "postgres", null), 65536,
					URI.create("https://zwfw.example.gov.cn/")),
			Clock.fixed(Instant.parse("2026-12-04T02:31:00Z"), ZoneId.of("Asia/Shanghai")));

	@Test
	void anA4ReceiptSaysWhatWasFiledWhereByWhomAndWhatHappensNext() throws Exception {
		byte[] pdf = receipts.render(AT_THE_COUNTER, ReceiptLayout.A4, Locale.SIMPLIFIED_CHINESE);

		String text = PdfReading.text(pdf);
		assertThat(text).contains("受理回执", "高龄津贴申领", "CA-2026-000123", "王芳", "110105********002X", "市民政局",
				"2026年12月4日 10:30", "窗口", "市政务服务中心 3号窗口", "窗口经办人", "刘洋", "承诺办结日期", "2026年12月18日", "接下来");
		// The link may break across lines; the QR code carries it whole.
		assertThat(text.replaceAll("\\s+", ""))
			.contains("https://zwfw.example.gov.cn/applications/5b0f5e0c-44f4-4a57-9f0e-8f0d6a7b1c2d");
		assertThat(text).doesNotContain(ID_NUMBER);
		assertThat(size(pdf).getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
		assertThat(size(pdf).getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
		assertThat(qr(pdf)).isEqualTo("https://zwfw.example.gov.cn/applications/5b0f5e0c-44f4-4a57-9f0e-8f0d6a7b1c2d");
	}

	@Test
	void aThermalReceiptIs80MillimetresWideAndAsLongAsItsText() throws Exception {
		byte[] pdf = receipts.render(AT_THE_COUNTER, ReceiptLayout.THERMAL_80MM, Locale.SIMPLIFIED_CHINESE);

		String text = PdfReading.text(pdf).replaceAll("\\s+", "");
		assertThat(text).contains("受理回执", "CA-2026-000123", "王芳", "110105********002X", "市政务服务中心3号窗口", "刘洋",
				"2026年12月18日");
		PDRectangle size = size(pdf);
		assertThat(size.getWidth() / 72 * 25.4f).isCloseTo(80f, within(0.5f));
		assertThat(size.getHeight()).isBetween(300f, PDRectangle.A4.getHeight() * 1.5f);
		assertThat(qr(pdf)).endsWith("/applications/5b0f5e0c-44f4-4a57-9f0e-8f0d6a7b1c2d");
	}

	@Test
	void inEnglishItIsAllEnglish() throws Exception {
		String text = PdfReading.text(receipts.render(AT_THE_COUNTER, ReceiptLayout.A4, Locale.ENGLISH));

		assertThat(text).contains("Application receipt", "Elderly allowance", "Civil Affairs Bureau", "At a counter",
				"City Government Service Center, Counter 3", "Counter clerk", "Decision promised by",
				"18 December 2026", "4 December 2026, 10:30", "What happens next");
		assertThat(text).doesNotContain("受理", "窗口");
	}

	@Test
	void aReceiptOfAnApplicationFiledOnlineHasNoPlaceAndNoClerk() throws Exception {
		ReceiptRequest online = new ReceiptRequest("CA-2026-000124", AT_THE_COUNTER.matterName(),
				AT_THE_COUNTER.departmentName(), "王芳", ID_NUMBER, Instant.parse("2026-12-04T02:30:00Z"),
				ContactChannel.WEB, null, null, null, null, "/applications/x");

		String text = PdfReading.text(receipts.render(online, ReceiptLayout.THERMAL_80MM, Locale.SIMPLIFIED_CHINESE));

		assertThat(text).contains("网上（电脑）", "市民政局将审核您的申请。").doesNotContain("办理地点", "经办人", "承诺办结日期");
	}

	private static PDRectangle size(byte[] pdf) throws Exception {
		try (PDDocument document = PdfReading.load(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			return document.getPage(0).getMediaBox();
		}
	}

	private static String qr(byte[] pdf) throws Exception {
		BufferedImage page = PdfReading.render(pdf, 200).get(0);
		int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

}
