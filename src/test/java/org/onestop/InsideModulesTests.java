package org.onestop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.onestop.shared.AuditableEvent;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape inside the modules (docs/ARCHITECTURE.md, "Inside a module"): who may hold
 * SQL, how SQL text is made, who may speak HTTP, which types are public. Each rule names
 * the places that break it.
 */
class InsideModulesTests {

	/**
	 * Main classes together with the compiled jte templates, which are the other users of
	 * public page models.
	 */
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onestop", "gg.jte.generated");

	@Test
	void onlyStoresQueriesAndDemoDataUseJdbcClient() {
		noClasses().that()
			.resideInAPackage("org.onestop..")
			.and()
			.haveSimpleNameNotEndingWith("Store")
			.and()
			.haveSimpleNameNotEndingWith("Queries")
			.and()
			.haveSimpleNameNotEndingWith("DemoData")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.because("SQL lives in one package-private store per group of tables (docs/ARCHITECTURE.md, naming guide)")
			.check(CLASSES);
	}

	@Test
	void servicesSpeakNoHttp() {
		noClasses().that()
			.resideInAPackage("org.onestop..")
			.and()
			.resideOutsideOfPackage("org.onestop.platform..")
			.and()
			.resideOutsideOfPackage("..web..")
			.and()
			.areNotAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotatedWith(RestController.class)
			.and()
			.areNotAnnotatedWith(ControllerAdvice.class)
			.and()
			.areNotAnnotatedWith(RestControllerAdvice.class)
			.and()
			.areNotAssignableTo(Filter.class)
			.and()
			.areNotAnnotatedWith(Configuration.class)
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.http.HttpStatus")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.http.ResponseEntity")
			.because("a service says what went wrong with a platform exception (NotFoundException …); "
					+ "only ProblemAdvice turns that into a status")
			.check(CLASSES);
	}

	@Test
	void publicTypesAreUsedOutsideTheirPackage() {
		List<String> unused = new ArrayList<>();
		for (JavaClass type : CLASSES) {
			if (!type.getPackageName().startsWith("org.onestop") || !type.getModifiers().contains(JavaModifier.PUBLIC)
					|| !type.isTopLevelClass() || type.getSimpleName().equals("package-info")) {
				continue;
			}
			// A page record nested in a public *Pages holder is what a template names:
			// uses of nested types count.
			boolean usedOutside = Stream.concat(Stream.of(type), nested(type))
				.flatMap(t -> t.getDirectDependenciesToSelf().stream())
				.map(Dependency::getOriginClass)
				.map(origin -> origin.isNestedClass() || origin.isAnonymousClass() || origin.isLocalClass()
						? origin.getEnclosingClass().orElse(origin) : origin)
				.anyMatch(origin -> !origin.getPackageName().equals(type.getPackageName()));
			if (!usedOutside && !ENTRY_POINTS.contains(type.getName()) && !type.isAssignableTo(AuditableEvent.class)) {
				unused.add(type.getName());
			}
		}
		assertThat(unused).as("public types that nothing outside their package uses: make them package-private")
			.isEmpty();
	}

	private static Stream<JavaClass> nested(JavaClass type) {
		return CLASSES.stream()
			.filter(c -> c.getEnclosingClass().map(type::equals).orElse(false))
			.flatMap(c -> Stream.concat(Stream.of(c), nested(c)));
	}

	/** Public because something outside the code asks them to be: the launcher. */
	private static final Set<String> ENTRY_POINTS = Set.of(OneStopApplication.class.getName());

	private static final Pattern SQL_CALL = Pattern.compile("\\.sql\\(");

	/**
	 * Statements kept as data, each a text block in the code: the registry sources
	 * (RegistrySource.ALL, a package-private record only that package can construct).
	 */
	private static final Set<String> STATEMENTS_AS_DATA = Set
		.of("org/onestop/registry/RegistryStore.java:source.sql()");

	@Test
	void sqlTextIsNeverBuiltFromValues() throws IOException {
		List<String> built = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher call = SQL_CALL.matcher(source);
				while (call.find()) {
					String argument = argument(source, call.end());
					String place = file.toString().replace('\\', '/');
					if (!argument.isBlank() && builtFromValues(argument) && !STATEMENTS_AS_DATA
						.contains(place.substring(place.indexOf("org/onestop/")) + ":" + argument)) {
						int line = source.substring(0, call.start()).split("\n", -1).length;
						built.add(file + ":" + line + " sql(" + argument.strip() + ")");
					}
				}
			}
		}
		assertThat(built).as("SQL text must be a constant or a literal, values bound as parameters").isEmpty();
	}

	/**
	 * The text between the call's parentheses, string literals and text blocks blanked
	 * out.
	 */
	private static String argument(String source, int from) {
		StringBuilder argument = new StringBuilder();
		int depth = 1;
		for (int i = from; i < source.length() && depth > 0; i++) {
			if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				argument.append("\"\"");
				i = end + 2;
				continue;
			}
			char c = source.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (source.charAt(end) != '"' || source.charAt(end - 1) == '\\') {
					end++;
				}
				argument.append("\"\"");
				i = end;
				continue;
			}
			depth += c == '(' ? 1 : c == ')' ? -1 : 0;
			if (depth > 0) {
				argument.append(c);
			}
		}
		return argument.toString();
	}

	/**
	 * Anything but literals and constants joined by {@code +}: a name in capitals is a
	 * constant, which the compiler has already made from literals; a variable, a method
	 * call or formatting could carry a value into the SQL. A choice between texts
	 * ({@code tagged ? A : B}, a {@code switch} whose arms are texts) is judged by its
	 * arms.
	 */
	private static boolean builtFromValues(String argument) {
		String a = argument.strip();
		if (a.startsWith("switch")) {
			return Stream.of(a.substring(a.indexOf('{') + 1, a.lastIndexOf('}')).split(";"))
				.filter(arm -> arm.contains("->"))
				.anyMatch(arm -> builtFromValues(arm.substring(arm.indexOf("->") + 2)));
		}
		if (a.contains("?")) {
			return Stream.of(a.substring(a.indexOf('?') + 1).split(":")).anyMatch(InsideModulesTests::builtFromValues);
		}
		return Stream.of(a.split("\\+"))
			.map(String::strip)
			.anyMatch(o -> !o.equals("\"\"") && !o.matches("([A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*"));
	}

}
