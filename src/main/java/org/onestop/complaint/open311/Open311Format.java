package org.onestop.complaint.open311;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.onestop.complaint.open311.Open311Document.Group;
import org.onestop.complaint.open311.Open311Document.Items;
import org.onestop.complaint.open311.Open311Document.Node;
import org.onestop.complaint.open311.Open311Document.Value;

/**
 * The two formats of GeoReport v2, chosen by the suffix ({@code services.xml},
 * {@code services.json}). XML is the one the spec requires; both are UTF-8.
 */
enum Open311Format {

	XML("text/xml; charset=utf-8") {
		@Override
		byte[] write(Open311Document document, JsonFactory json) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
				xml.writeStartDocument("UTF-8", "1.0");
				writeXml(xml, document.root());
				xml.writeEndDocument();
				xml.close();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException("Cannot write the Open311 answer", ex);
			}
			return out.toByteArray();
		}
	},

	JSON("application/json; charset=utf-8") {
		@Override
		byte[] write(Open311Document document, JsonFactory json) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (JsonGenerator generator = json.createGenerator(out)) {
				writeJson(generator, document.root());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}
	};

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private final String contentType;

	Open311Format(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return contentType;
	}

	abstract byte[] write(Open311Document document, JsonFactory json);

	/** The format a suffix names: {@code xml} or {@code json}, nothing else. */
	static Optional<Open311Format> of(String suffix) {
		if ("xml".equals(suffix)) {
			return Optional.of(XML);
		}
		return "json".equals(suffix) ? Optional.of(JSON) : Optional.empty();
	}

	private static void writeXml(XMLStreamWriter xml, Node node) throws XMLStreamException {
		if (node instanceof Value value) {
			if (value.value() == null) {
				xml.writeEmptyElement(value.name());
				return;
			}
			xml.writeStartElement(value.name());
			xml.writeCharacters(xmlText(String.valueOf(value.value())));
			xml.writeEndElement();
		}
		else if (node instanceof Group group) {
			xml.writeStartElement(group.name());
			for (Node member : group.members()) {
				writeXml(xml, member);
			}
			xml.writeEndElement();
		}
		else if (node instanceof Items items) {
			xml.writeStartElement(items.name());
			for (Object item : items.items()) {
				writeXml(xml, item(items.itemName(), item));
			}
			xml.writeEndElement();
		}
	}

	private static void writeJson(JsonGenerator json, Node node) throws IOException {
		if (node instanceof Value value) {
			json.writeObject(value.value());
		}
		else if (node instanceof Group group) {
			json.writeStartObject();
			for (Node member : group.members()) {
				json.writeFieldName(member.name());
				writeJson(json, member);
			}
			json.writeEndObject();
		}
		else if (node instanceof Items items) {
			json.writeStartArray();
			for (Object item : items.items()) {
				writeJson(json, item(items.itemName(), item));
			}
			json.writeEndArray();
		}
	}

	@SuppressWarnings("unchecked")
	private static Node item(String name, Object item) {
		return item instanceof List<?> members ? new Group(name, (List<Node>) members) : new Value(name, item);
	}

	/**
	 * Text as XML 1.0 can carry it. The platform keeps control characters out of what
	 * people send, but a character XML cannot hold would make the whole answer unreadable
	 * to the client: it becomes U+FFFD.
	 */
	private static String xmlText(String text) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
					|| Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
			if (!legal && kept == null) {
				kept = new StringBuilder(text.substring(0, i));
			}
			if (kept != null) {
				kept.append(legal ? c : '\uFFFD');
			}
		}
		return kept == null ? text : kept.toString();
	}

}
