package org.onestop.workflow;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.flowable.bpmn.BpmnAutoLayout;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;

/**
 * Adds diagram interchange (shapes and edges) to a process file, so that a BPMN modeler
 * can draw it. Run after changing a process:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.onestop.workflow.BpmnDiagrams -Dexec.args=src/main/resources/processes/x.bpmn20.xml}.
 * Comments in the file are lost on the way; keep the process's explanation in its
 * documentation element.
 */
public final class BpmnDiagrams {

	private BpmnDiagrams() {
	}

	static BpmnModel read(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			XMLInputFactory factory = XMLInputFactory.newInstance();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			XMLStreamReader reader = factory.createXMLStreamReader(in, "UTF-8");
			return new BpmnXMLConverter().convertToBpmnModel(reader);
		}
	}

	public static void main(String[] args) throws Exception {
		for (String name : args) {
			Path file = Path.of(name);
			BpmnModel model = read(file);
			new BpmnAutoLayout(model).execute();
			Files.writeString(file, new String(new BpmnXMLConverter().convertToXML(model), StandardCharsets.UTF_8));
		}
	}

}
