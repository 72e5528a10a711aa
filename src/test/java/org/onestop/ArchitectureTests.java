package org.onestop;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.onestop.platform.EventHub;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules that the compiler cannot see. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onestop");

	@Test
	void onlyTheWorkflowModuleUsesFlowable() {
		noClasses().that()
			.resideOutsideOfPackage("org.onestop.workflow..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.flowable..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.check(classes);
	}

	@Test
	void noRawRuntimeExceptions() {
		// A module's own exception may extend RuntimeException; nobody throws one bare.
		noClasses().that()
			.areNotAssignableTo(RuntimeException.class)
			.should()
			.callConstructor(RuntimeException.class)
			.orShould()
			.callConstructor(RuntimeException.class, String.class)
			.orShould()
			.callConstructor(RuntimeException.class, String.class, Throwable.class)
			.check(classes);
	}

	@Test
	void onlyControllersAndThePlatformHubOpenEventStreams() {
		// Services describe a stream (a Subscription); the controller opens it with the
		// EventHub.
		noClasses().that()
			.areNotMetaAnnotatedWith(Controller.class)
			.and(not(belongToAnyOf(EventHub.class)))
			.should()
			.dependOnClassesThat(belongToAnyOf(SseEmitter.class))
			.check(classes);
	}

	@Test
	void noTopLevelLayerPackages() {
		noClasses().should()
			.resideInAnyPackage("org.onestop.controller..", "org.onestop.service..", "org.onestop.repository..",
					"org.onestop.dto..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void theWebLayerTalksToNoDatabaseDirectly() {
		// Keyed on the annotations, not on the name: a controller called something else
		// is still a controller.
		noClasses().that(areWebControllers())
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
			.check(classes);
	}

	@Test
	void testsSendCsrfTokensTheWayBrowsersDo() {
		// Spring Security's csrf() post-processor swaps the shared filter's cookie
		// repository for a session one for the rest of the run: see Csrf.
		noClasses().should()
			.callMethod("org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors",
					"csrf")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
				.importPackages("org.onestop"));
	}

	@Test
	void queryResultsAreNotStreamedFromTheDatabase() {
		// JdbcClient's stream() keeps its connection until the stream is closed, and a
		// collected stream is not: outside a transaction each call kept one connection
		// of the pool for good (audit verification did, until thirty verifications had
		// taken the whole pool). list() gives the connection back at once.
		noClasses().should().callMethod(JdbcClient.MappedQuerySpec.class, "stream").check(classes);
	}

	private static DescribedPredicate<JavaClass> areWebControllers() {
		return annotatedWith(Controller.class).or(annotatedWith(RestController.class))
			.<JavaClass>forSubtype()
			.as("are web controllers");
	}

}
