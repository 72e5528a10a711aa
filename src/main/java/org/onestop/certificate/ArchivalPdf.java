package org.onestop.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;

/**
 * What PDF/A-2b asks of a certificate beyond embedded fonts: XMP metadata that repeats
 * the document information and declares the conformance, and an sRGB output intent for
 * the device colours it paints with. OpenPDF only knows PDF/A-1, whose rules (no
 * transparency, CIDSet) a certificate meets anyway; PDF/A-2 is what archives ask for now.
 */
final class ArchivalPdf {

	private static final ICC_Profile SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

	private static final PdfName GTS_PDFA1 = new PdfName("GTS_PDFA1");

	private ArchivalPdf() {
	}

	/** Before the document opens. */
	static void prepare(PdfWriter writer) {
		writer.setPdfVersion(PdfWriter.VERSION_1_7);
	}

	/**
	 * After the document opens and its title is set, so that the XMP repeats the final
	 * document information.
	 */
	static void describe(PdfWriter writer) {
		try {
			PdfICCBased profile = new PdfICCBased(SRGB);
			profile.remove(PdfName.ALTERNATE);
			PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
			intent.put(PdfName.S, GTS_PDFA1);
			intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
			intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
			intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
			intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
			writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));

			ByteArrayOutputStream xmp = new ByteArrayOutputStream();
			XmpWriter metadata = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE);
			metadata.addRdfDescription("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
					"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>");
			metadata.close();
			writer.setXmpMetadata(xmp.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
