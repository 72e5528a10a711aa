package org.onestop.content;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The Atom (RFC 4287) feed of the latest published notices. */
final class NoticeFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private NoticeFeed() {
	}

	static String atom(String baseUrl, String feedTitle, List<Notice> notices) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			element(xml, "id", baseUrl + "/notices");
			element(xml, "title", feedTitle);
			Instant updated = notices.stream().map(Notice::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
			element(xml, "updated", updated.toString());
			link(xml, baseUrl + "/notices/feed.atom", "self");
			link(xml, baseUrl + "/notices", "alternate");
			for (Notice notice : notices) {
				xml.writeStartElement("entry");
				element(xml, "id", baseUrl + "/notices/" + notice.id());
				element(xml, "title", notice.title());
				element(xml, "published", notice.releasedAt().toString());
				element(xml, "updated", notice.updatedAt().toString());
				link(xml, baseUrl + "/notices/" + notice.id(), "alternate");
				xml.writeStartElement("author");
				element(xml, "name", notice.author());
				xml.writeEndElement();
				for (String tag : notice.tags()) {
					xml.writeEmptyElement("category");
					xml.writeAttribute("term", tag);
				}
				element(xml, "summary", notice.summary());
				xml.writeStartElement("content");
				xml.writeAttribute("type", "html");
				xml.writeCharacters(notice.bodyHtml());
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Atom feed could not be written", ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text == null ? "" : text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

}
