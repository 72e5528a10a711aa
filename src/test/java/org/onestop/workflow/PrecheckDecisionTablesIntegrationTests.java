package org.onestop.workflow;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flowable.dmn.api.DecisionExecutionAuditContainer;
import org.flowable.dmn.api.DmnDecisionService;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated pre-check decision tables (dmn/precheck-*.dmn, scripts/generate-forms.py)
 * deployed in Flowable: every one evaluates with the variables the platform supplies, and
 * the real rules fire.
 */
@IntegrationTest
class PrecheckDecisionTablesIntegrationTests {

	private static final List<String> OUTPUTS = List.of("code", "field", "messageZh", "messageEn", "remedyZh",
			"remedyEn");

	@Autowired
	DmnDecisionService decisions;

	private final ObjectMapper json = new ObjectMapper();

	/** All fields of the matter's form empty, then the given values. */
	private Map<String, Object> variables(String code, int age, boolean hasExplanation, Map<String, String> values)
			throws IOException {
		JsonNode form = json.readTree(new ClassPathResource("demo/forms/" + code + ".json").getInputStream());
		Map<String, Object> variables = new HashMap<>();
		form.get("fields").forEach(field -> variables.put(field.get("name").asText(), ""));
		assertThat(variables.keySet()).as(code).containsAll(values.keySet());
		variables.putAll(values);
		variables.put("age", age);
		variables.put("hasExplanation", hasExplanation);
		return variables;
	}

	private List<Map<String, Object>> precheck(String code, int age, boolean hasExplanation, Map<String, String> values)
			throws IOException {
		DecisionExecutionAuditContainer audit = decisions.createExecuteDecisionBuilder()
			.decisionKey("precheck-" + code)
			.variables(variables(code, age, hasExplanation, values))
			.executeWithAuditTrail();
		assertThat(audit.isFailed()).as(code + ": " + audit.getExceptionMessage() + " " + audit.getValidationMessage())
			.isFalse();
		List<Map<String, Object>> problems = audit.getDecisionResult();
		for (Map<String, Object> problem : problems) {
			assertThat(problem).as(code).containsKeys(OUTPUTS.toArray(String[]::new));
			for (String output : List.of("code", "messageZh", "messageEn", "remedyZh", "remedyEn")) {
				assertThat(problem.get(output)).as(code + " " + output).isInstanceOf(String.class);
				assertThat((String) problem.get(output)).as(code + " " + output).isNotBlank();
			}
		}
		return problems;
	}

	private List<Object> codes(String code, int age, boolean hasExplanation, Map<String, String> values)
			throws IOException {
		return precheck(code, age, hasExplanation, values).stream().map(problem -> problem.get("code")).toList();
	}

	@Test
	void everyMatterEvaluatesWithAnEmptyForm() throws IOException {
		Resource[] forms = FormDefinitionFilesTests.forms();
		assertThat(forms).hasSize(48);
		for (Resource form : forms) {
			String code = form.getFilename().replace(".json", "");
			precheck(code, 40, false, Map.of());
			assertThat(precheck(code, -1, true, Map.of())).as(code).isEmpty();
			assertThat(codes(code, -5, false, Map.of())).as(code).contains("AGE_INVALID");
		}
	}

	@Test
	void theElderlyAllowanceIsFromSeventy() throws IOException {
		List<Map<String, Object>> problems = precheck("CA-ELD-001", 60, false, Map.of());
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.get("code")).isEqualTo("NOT_ELIGIBLE_AGE");
			assertThat(problem.get("field")).isEqualTo("birthDate");
			assertThat((String) problem.get("remedyZh")).contains("70");
			assertThat((String) problem.get("remedyEn")).contains("TR-SEN-001");
		});
		assertThat(precheck("CA-ELD-001", 72, false, Map.of("name", "王芳", "socialSecurityCardAccount", "S04123061")))
			.isEmpty();
		assertThat(precheck("CA-ELD-001", 70, false, Map.of())).isEmpty();
		assertThat(precheck("CA-ELD-001", -1, false, Map.of())).as("age unknown: no problem").isEmpty();
	}

	@Test
	void marriageNeedsTheAgeAndNoSpouse() throws IOException {
		assertThat(codes("CA-MAR-001", 30, false, Map.of("sex", "F", "maritalStatus", "MARRIED")))
			.containsExactly("ALREADY_MARRIED");
		assertThat(codes("CA-MAR-001", 21, false, Map.of("sex", "M", "maritalStatus", "UNMARRIED")))
			.containsExactly("UNDER_MARRIAGE_AGE");
		assertThat(codes("CA-MAR-001", 21, false, Map.of("sex", "F", "maritalStatus", "DIVORCED"))).isEmpty();
		assertThat(codes("CA-MAR-002", 40, false, Map.of("maritalStatus", "WIDOWED")))
			.containsExactly("NOT_MARRIED_ON_RECORD");
		assertThat(codes("CA-MAR-002", 40, false,
				Map.of("maritalStatus", "MARRIED", "spouseIdNumber", "110101195303213784")))
			.isEmpty();
	}

	@Test
	void aPensionNeedsFifteenYearsUnlessExplained() throws IOException {
		assertThat(codes("HR-PEN-002", 61, false, Map.of("sex", "M", "contributionMonths", "171")))
			.containsExactly("INSUFFICIENT_CONTRIBUTIONS");
		assertThat(codes("HR-PEN-002", 61, true, Map.of("sex", "M", "contributionMonths", "171"))).isEmpty();
		assertThat(codes("HR-PEN-002", 61, false, Map.of("sex", "M", "contributionMonths", "247"))).isEmpty();
		assertThat(codes("HR-PEN-002", 45, false, Map.of("sex", "F", "contributionMonths", "247")))
			.containsExactly("BELOW_RETIREMENT_AGE");
		assertThat(codes("HR-PEN-001", 72, false, Map.of("insuredStatus", "CONTRIBUTING")))
			.containsExactly("NOT_DRAWING_PENSION");
		assertThat(codes("HR-PEN-001", 72, false, Map.of("insuredStatus", "RETIRED"))).isEmpty();
	}

	@Test
	void crossFieldRulesCompareTheChoiceWithTheRegistries() throws IOException {
		assertThat(codes("HU-PF-001", 40, false, Map.of("withdrawalReason", "RENT", "propertyAddress", "北京市海淀区万寿路10号")))
			.containsExactly("OWNS_HOME");
		assertThat(codes("HU-PF-001", 40, false, Map.of("withdrawalReason", "RENT"))).isEmpty();
		assertThat(codes("MI-RES-001", 40, false, Map.of("medicalInsuranceType", "EMPLOYEE")))
			.containsExactly("ALREADY_EMPLOYEE_INSURED");
		assertThat(codes("HR-UNE-001", 40, false, Map.of("separationReason", "OWN_WISH", "contributionMonths", "6")))
			.containsExactlyInAnyOrder("VOLUNTARY_RESIGNATION", "INSUFFICIENT_CONTRIBUTIONS");
	}

}
