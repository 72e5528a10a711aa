package org.onestop;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation under {@code docs/modules} (PlantUML component diagrams
 * and module canvases). A generator, not a test: its name keeps it out of
 * {@code mvn verify}, which must not rewrite tracked files. Run it after changing a
 * module's API or dependencies, and commit what it writes:
 * {@code mvn -q test -Dtest=ModuleDocumentation -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ModuleDocumentation {

	@Test
	void write() {
		new Documenter(ApplicationModules.of(OneStopApplication.class),
				Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
