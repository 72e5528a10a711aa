package org.onestop.certificate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import org.onestop.platform.PlatformProperties;
import org.onestop.shared.QrCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays out a certificate on one A4 page, in Chinese and English: what was granted, to
 * whom, by whom and when, the verification code and the QR code of the page that confirms
 * it. The text is drawn line by line, in a font the file embeds (see ChineseFont), and
 * the file is PDF/A-2b (see ArchivalPdf), so that it reads the same in every reader and
 * in an archive.
 */
@Component
class CertificatePdf {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final float WIDTH = PageSize.A4.getWidth();

	private static final float MARGIN = 56;

	private final MessageSource messages;

	private final String publicUrl;

	CertificatePdf(MessageSource messages, PlatformProperties platform) {
		this.messages = messages;
		this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
	}

	String verificationLink(String code) {
		return publicUrl + "/verify/" + code;
	}

	byte[] render(Certificate certificate) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		ArchivalPdf.prepare(writer);
		document.addTitle(certificate.matterName().zh());
		document.addCreator("OneStop");
		document.open();
		ArchivalPdf.describe(writer);
		PdfContentByte canvas = writer.getDirectContent();
		canvas.setLineWidth(1.5f);
		canvas.rectangle(MARGIN - 20, MARGIN - 20, WIDTH - 2 * (MARGIN - 20),
				PageSize.A4.getHeight() - 2 * (MARGIN - 20));
		canvas.stroke();

		float y = 760;
		y = centred(canvas, certificate.matterName().zh(), 24, y);
		if (certificate.matterName().en() != null && !certificate.matterName().en().isBlank()) {
			y = centred(canvas, certificate.matterName().en(), 14, y - 6);
		}
		canvas.setGrayFill(0.35f);
		y = centred(canvas, both("certificate.pdf.title"), 11, y - 10);
		canvas.setGrayFill(0);

		y -= 40;
		y = row(canvas, "certificate.pdf.holder", List.of(certificate.holderName()), y);
		y = row(canvas, "certificate.pdf.id-number", List.of(certificate.holderIdMasked()), y);
		y = row(canvas, "certificate.pdf.department", names(certificate), y);
		y = row(canvas, "certificate.pdf.issued-on",
				List.of(certificate.issuedOn(CHINESE), certificate.issuedOn(Locale.ENGLISH)), y);
		row(canvas, "certificate.pdf.code", List.of(certificate.code()), y);

		float side = 140;
		QrCode.draw(QrCode.matrix(verificationLink(certificate.code())), canvas, WIDTH - MARGIN - side, MARGIN, side);
		float textY = MARGIN + side - 20;
		for (Locale locale : List.of(CHINESE, Locale.ENGLISH)) {
			String text = messages.getMessage("certificate.pdf.verify", new Object[] { publicUrl + "/verify" }, locale);
			textY = wrapped(canvas, text, 9, MARGIN, textY, WIDTH - 3 * MARGIN - side) - 8;
		}
		document.close();
		return out.toByteArray();
	}

	private List<String> names(Certificate certificate) {
		List<String> names = new ArrayList<>(List.of(certificate.departmentName().zh()));
		if (certificate.departmentName().en() != null && !certificate.departmentName().en().isBlank()) {
			names.add(certificate.departmentName().en());
		}
		return names;
	}

	private String both(String key) {
		return messages.getMessage(key, null, CHINESE) + "  " + messages.getMessage(key, null, Locale.ENGLISH);
	}

	private float row(PdfContentByte canvas, String labelKey, List<String> values, float y) {
		canvas.setGrayFill(0.35f);
		text(canvas, messages.getMessage(labelKey, null, CHINESE), 10, MARGIN, y);
		text(canvas, messages.getMessage(labelKey, null, Locale.ENGLISH), 9, MARGIN, y - 13);
		canvas.setGrayFill(0);
		float valueY = y;
		for (String value : values) {
			valueY = wrapped(canvas, value, 13, MARGIN + 150, valueY, WIDTH - 2 * MARGIN - 150);
		}
		return Math.min(valueY, y - 26) - 22;
	}

	private float centred(PdfContentByte canvas, String text, float size, float y) {
		String printable = ChineseFont.printable(text);
		float width = ChineseFont.FONT.getWidthPoint(printable, size);
		if (width > WIDTH - 2 * MARGIN) {
			return wrapped(canvas, text, size, MARGIN, y, WIDTH - 2 * MARGIN);
		}
		show(canvas, printable, size, (WIDTH - width) / 2, y);
		return y - size * 1.4f;
	}

	/**
	 * Breaks where the line is full (see ChineseFont.lines); returns the next baseline.
	 */
	private float wrapped(PdfContentByte canvas, String text, float size, float x, float y, float width) {
		for (String line : ChineseFont.lines(text, size, width)) {
			show(canvas, line, size, x, y);
			y -= size * 1.4f;
		}
		return y;
	}

	private void text(PdfContentByte canvas, String text, float size, float x, float y) {
		show(canvas, ChineseFont.printable(text), size, x, y);
	}

	private static void show(PdfContentByte canvas, String text, float size, float x, float y) {
		canvas.beginText();
		canvas.setFontAndSize(ChineseFont.FONT, size);
		canvas.setTextMatrix(x, y);
		canvas.showText(text);
		canvas.endText();
	}

}
