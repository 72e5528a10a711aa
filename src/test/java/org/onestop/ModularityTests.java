package org.onestop;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries hold: no module reaches into another's internals, no cycles, only
 * declared dependencies. The module documentation is written by
 * {@link ModuleDocumentation}, on demand.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(OneStopApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

}
