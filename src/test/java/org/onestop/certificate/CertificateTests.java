package org.onestop.certificate;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import org.onestop.platform.PlatformProperties;
import org.onestop.shared.LocalizedText;
import org.onestop.shared.QrCode;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes that cannot be guessed but can be typed, and a PDF whose text and QR code read
 * back.
 */
class CertificateTests {

	static final Certificate SAMPLE = new Certificate("7K3M-Q9TX-4HB2-WZ8N", UUID.randomUUID(), "PS-ID-RENEW",
			new LocalizedText("居民身份证换领（到期换证）", "Resident ID card renewal"), "PS",
			new LocalizedText("市公安局", "Municipal Public Security Bureau"), "张三丰",
			Certificate.mask("11010519491231002X"), LocalDate.of(2026, 11, 29), Certificate.Status.VALID);

	private final CertificatePdf pdf = new CertificatePdf(messages(),
			new PlatformProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
					new PlatformProperties.Db(null, "postgres", null), 65536,
					URI.create("https://zwfw.example.gov.cn/")));

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** The text as a reader other than OpenPDF extracts it (PDFBox). */
	static String text(byte[] pdf) throws Exception {
		return PdfReading.text(pdf);
	}

	@Test
	void codesAreGroupedCrockfordBase32AndDoNotRepeat() {
		SecureRandom random = new SecureRandom();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = VerificationCode.random(random);
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
			assertThat(VerificationCode.normalise(code)).contains(code);
			seen.add(code);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void typedCodesAreForgiven() {
		assertThat(VerificationCode.normalise(" 7k3m q9tx 4hb2 wz8n ")).contains("7K3M-Q9TX-4HB2-WZ8N");
		assertThat(VerificationCode.normalise("7k3mq9tx4hb2wz8n")).contains("7K3M-Q9TX-4HB2-WZ8N");
		assertThat(VerificationCode.normalise("O1IL-0000-0000-0000")).contains("0111-0000-0000-0000");
		assertThat(VerificationCode.normalise("7K3M-Q9TX-4HB2-WZ8")).isEmpty();
		assertThat(VerificationCode.normalise("7K3M-Q9TX-4HB2-WZ8U")).isEmpty();
		assertThat(VerificationCode.normalise("../../etc/passwd")).isEmpty();
		assertThat(VerificationCode.normalise(null)).isEmpty();
	}

	@Test
	void onlyTheMaskedIdNumberIsKept() {
		assertThat(Certificate.mask("11010519491231002X")).isEqualTo("110105********002X");
	}

	@Test
	void thePdfReadsBackInChineseAndEnglish() throws Exception {
		byte[] bytes = pdf.render(SAMPLE);

		assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
		assertThat(bytes.length).as("only the glyphs it prints are embedded").isLessThan(150_000);
		String text = text(bytes);
		assertThat(text).contains("居民身份证换领（到期换证）", "Resident ID card renewal", "张三丰", "110105********002X", "市公安局",
				"2026年11月29日", "29 November 2026", "7K3M-Q9TX-4HB2-WZ8N", "电子证照", "https://zwfw.example.gov.cn/verify");
		assertThat(text).doesNotContain("11010519491231002X");
	}

	@Test
	void theSameCertificateRendersTheSameText() throws Exception {
		String first = text(pdf.render(SAMPLE));
		String second = text(pdf.render(SAMPLE));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void theQrCodeLeadsToTheVerificationPage() throws Exception {
		String link = pdf.verificationLink(SAMPLE.code());
		assertThat(link).isEqualTo("https://zwfw.example.gov.cn/verify/7K3M-Q9TX-4HB2-WZ8N");

		BufferedImage image = QrCode.image(QrCode.matrix(link), 4);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();

		assertThat(decoded).isEqualTo(link);
	}

}
