package org.onestop.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Document;

/**
 * A certificate as Apache PDFBox reads it: a PDF library other than the one that wrote
 * it, with no access to OpenPDF's font tables, as a citizen's reader would be.
 */
final class PdfReading {

	private PdfReading() {
	}

	static PDDocument load(byte[] pdf) throws IOException {
		return Loader.loadPDF(pdf);
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = load(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Every font of every page, including those of the forms a page draws. */
	static List<PDFont> fonts(PDDocument document) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			collect(page.getResources(), fonts);
		}
		return fonts;
	}

	private static void collect(PDResources resources, List<PDFont> fonts) throws IOException {
		if (resources == null) {
			return;
		}
		for (var name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		for (var name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDFormXObject form) {
				collect(form.getResources(), fonts);
			}
		}
	}

	static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
		try (PDDocument document = load(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			List<BufferedImage> pages = new ArrayList<>();
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				pages.add(renderer.renderImageWithDPI(i, dpi));
			}
			return pages;
		}
	}

	static Document xmp(PDDocument document) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		byte[] bytes = document.getDocumentCatalog().getMetadata().toByteArray();
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	/** The text of the only element with this name, or null. */
	static String xmpValue(Document xmp, String namespace, String localName) {
		var nodes = xmp.getElementsByTagNameNS(namespace, localName);
		return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
	}

}
