package org.onestop.shared;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * A link as a QR code (a certificate's verification link, a queue ticket's live page),
 * drawn as vector squares so that it prints sharply at any size. Level M survives a
 * crease or a smudge; the quiet zone of four modules is what scanners expect.
 */
public final class QrCode {

	private static final int QUIET_ZONE = 4;

	private QrCode() {
	}

	/** The code's modules, quiet zone included: one bit per module. */
	public static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", ex);
		}
	}

	/**
	 * Draws the code as a square of the given side with its lower left corner at (x, y).
	 */
	public static void draw(BitMatrix matrix, PdfContentByte canvas, float x, float y, float side) {
		float module = side / matrix.getWidth();
		canvas.saveState();
		canvas.setRGBColorFill(0, 0, 0);
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int col = 0; col < matrix.getWidth(); col++) {
				if (matrix.get(col, row)) {
					canvas.rectangle(x + col * module, y + side - (row + 1) * module, module, module);
				}
			}
		}
		canvas.fill();
		canvas.restoreState();
	}

	/** The code as a picture, black on white, {@code scale} pixels per module. */
	public static BufferedImage image(BitMatrix matrix, int scale) {
		BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
				BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	/**
	 * The code as an inline SVG element, one module per unit, that scales to its box;
	 * {@code label} (escaped) names it for screen readers.
	 */
	public static String svg(String text, String label) {
		BitMatrix matrix = matrix(text);
		StringBuilder path = new StringBuilder();
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int col = 0; col < matrix.getWidth(); col++) {
				if (matrix.get(col, row)) {
					path.append('M').append(col).append(' ').append(row).append("h1v1h-1z");
				}
			}
		}
		int side = matrix.getWidth();
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
				+ "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
				+ "\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
