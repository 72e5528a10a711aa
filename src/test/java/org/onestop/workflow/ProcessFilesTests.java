package org.onestop.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.SequenceFlow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every process file is one a standard modeler can open and draw: every element has its
 * diagram shape.
 */
class ProcessFilesTests {

	@Test
	void everyProcessCarriesItsDiagram() throws Exception {
		List<Path> files;
		try (Stream<Path> all = Files.list(Path.of("src/main/resources/processes"))) {
			files = all.filter(p -> p.toString().endsWith(".bpmn20.xml")).toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			BpmnModel model = BpmnDiagrams.read(file);
			var process = model.getMainProcess();
			assertThat(process.getDocumentation()).as(file + " explains itself").isNotBlank();
			process.findFlowElementsOfType(FlowNode.class)
				.forEach(node -> assertThat(model.getGraphicInfo(node.getId())).as(file + " shape of " + node.getId())
					.isNotNull());
			process.findFlowElementsOfType(SequenceFlow.class)
				.forEach(flow -> assertThat(model.getFlowLocationGraphicInfo(flow.getId()))
					.as(file + " edge of " + flow.getId())
					.isNotEmpty());
		}
	}

}
