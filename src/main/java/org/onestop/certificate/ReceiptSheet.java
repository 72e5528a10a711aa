package org.onestop.certificate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import org.onestop.shared.QrCode;

/**
 * Sets a receipt's text from the top down, then prints it: on an A4 page, labels beside
 * their values; on an 80 mm roll, labels above them and the page as long as what it holds
 * (measured first, since a PDF page's size is fixed before anything is drawn).
 */
final class ReceiptSheet {

	static final float MM = 72f / 25.4f;

	private record Run(String text, float size, float x, float baseline, boolean grey) {
	}

	private record Sizes(float title, float heading, float body, float label, float small) {
	}

	private final float width;

	private final float margin;

	private final boolean roll;

	private final Sizes sizes;

	private final List<Run> runs = new ArrayList<>();

	private final List<Float> rules = new ArrayList<>();

	private float cursor;

	private String qrLink;

	private float qrX;

	private float qrTop;

	private float qrSide;

	private ReceiptSheet(float width, float margin, boolean roll, Sizes sizes) {
		this.width = width;
		this.margin = margin;
		this.roll = roll;
		this.sizes = sizes;
		this.cursor = margin;
	}

	static ReceiptSheet of(ReceiptLayout layout) {
		return switch (layout) {
			case A4 -> new ReceiptSheet(PageSize.A4.getWidth(), 56, false, new Sizes(22, 15, 12, 10, 9));
			case THERMAL_80MM -> new ReceiptSheet(80 * MM, 4 * MM, true, new Sizes(15, 11, 9, 8, 7));
		};
	}

	private float usable() {
		return width - 2 * margin;
	}

	ReceiptSheet title(String text) {
		return centred(text, sizes.title(), false);
	}

	ReceiptSheet heading(String text) {
		cursor += sizes.body() * 0.4f;
		return lines(text, sizes.heading(), margin, usable(), false);
	}

	ReceiptSheet subtitle(String text) {
		return centred(text, sizes.heading(), false);
	}

	ReceiptSheet paragraph(String text) {
		return lines(text, sizes.body(), margin, usable(), false);
	}

	ReceiptSheet note(String text) {
		return lines(text, sizes.small(), margin, usable(), true);
	}

	/** A label and its value; nothing when there is no value. */
	ReceiptSheet row(String label, String value) {
		if (value == null || value.isBlank()) {
			return this;
		}
		if (roll) {
			lines(label, sizes.label(), margin, usable(), true);
			lines(value, sizes.body(), margin, usable(), false);
			cursor += sizes.body() * 0.3f;
			return this;
		}
		float column = 130;
		float top = cursor;
		lines(label, sizes.label(), margin, column - 10, true);
		float afterLabel = cursor;
		cursor = top;
		lines(value, sizes.body(), margin + column, usable() - column, false);
		cursor = Math.max(cursor, afterLabel) + sizes.body() * 0.4f;
		return this;
	}

	ReceiptSheet rule() {
		cursor += sizes.body() * 0.3f;
		rules.add(cursor);
		cursor += sizes.body() * 0.8f;
		return this;
	}

	/** The QR code of the link, with a caption beside it (A4) or below it (roll). */
	ReceiptSheet qr(String link, String caption) {
		qrLink = link;
		cursor += sizes.body() * 0.5f;
		qrTop = cursor;
		if (roll) {
			qrSide = usable() * 0.7f;
			qrX = (width - qrSide) / 2;
			cursor += qrSide + sizes.small();
			return note(caption);
		}
		qrSide = 110;
		qrX = margin;
		float textX = margin + qrSide + 16;
		lines(caption, sizes.body(), textX, usable() - qrSide - 16, false);
		cursor = Math.max(cursor, qrTop + qrSide) + sizes.body();
		return this;
	}

	private ReceiptSheet centred(String text, float size, boolean grey) {
		for (String line : ChineseFont.lines(text, size, usable())) {
			float lineWidth = ChineseFont.FONT.getWidthPoint(line, size);
			add(line, size, (width - lineWidth) / 2, grey);
		}
		return this;
	}

	private ReceiptSheet lines(String text, float size, float x, float lineWidth, boolean grey) {
		for (String line : ChineseFont.lines(text, size, lineWidth)) {
			add(line, size, x, grey);
		}
		return this;
	}

	private void add(String line, float size, float x, boolean grey) {
		runs.add(new Run(line, size, x, cursor + size, grey));
		cursor += size * 1.45f;
	}

	/** The page's height: A4's, or what the roll needs. */
	float height() {
		return roll ? cursor + margin : PageSize.A4.getHeight();
	}

	byte[] pdf(String title) {
		float height = height();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(new Rectangle(width, height), 0, 0, 0, 0);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		ArchivalPdf.prepare(writer);
		document.addTitle(title);
		document.addCreator("OneStop");
		document.open();
		ArchivalPdf.describe(writer);
		PdfContentByte canvas = writer.getDirectContent();
		if (!rules.isEmpty()) {
			canvas.setLineWidth(0.6f);
			canvas.setLineDash(2, 2, 0);
			for (float rule : rules) {
				canvas.moveTo(margin, height - rule);
				canvas.lineTo(width - margin, height - rule);
			}
			canvas.stroke();
		}
		for (Run run : runs) {
			canvas.setGrayFill(run.grey() ? 0.3f : 0);
			canvas.beginText();
			canvas.setFontAndSize(ChineseFont.FONT, run.size());
			canvas.setTextMatrix(run.x(), height - run.baseline());
			canvas.showText(run.text());
			canvas.endText();
		}
		if (qrLink != null) {
			QrCode.draw(QrCode.matrix(qrLink), canvas, qrX, height - qrTop - qrSide, qrSide);
		}
		document.close();
		return out.toByteArray();
	}

}
