package org.onestop.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.SourceVersion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated form definitions (demo/forms/*.json, scripts/generate-forms.py) on their
 * own, no Spring.
 */
class FormDefinitionFilesTests {

	static final Set<String> TYPES = Set.of("TEXT", "TEXTAREA", "DATE", "NUMBER", "ID_NUMBER", "PHONE", "BANK_ACCOUNT",
			"SELECT", "CONSENT");

	static final Set<String> SOURCES = Set.of("identity.id_number", "population.name", "population.sex",
			"population.birth_date", "population.ethnicity", "population.address", "population.household_number",
			"population.marital_status", "population.phone", "marriage.status", "marriage.spouse_name",
			"marriage.spouse_id_number", "marriage.certificate_number", "marriage.registered_on",
			"socialsecurity.status", "socialsecurity.employer", "socialsecurity.contribution_months",
			"socialsecurity.card_number", "socialsecurity.pension_monthly_yuan", "medicalinsurance.scheme",
			"medicalinsurance.insured_since", "medicalinsurance.status", "business.credit_code", "business.name",
			"business.kind", "business.address", "property.certificate_number", "property.address", "property.area_m2",
			"vehicle.plate", "vehicle.brand");

	private final ObjectMapper json = new ObjectMapper();

	static Resource[] forms() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath*:demo/forms/*.json");
	}

	@Test
	void everyMatterOfTheCatalogHasAFormAndADecisionTable() throws IOException {
		JsonNode matters = json.readTree(new ClassPathResource("demo/catalog/matters.json").getInputStream());
		assertThat(forms()).hasSize(matters.size());
		for (JsonNode matter : matters) {
			String code = matter.get("code").asText();
			assertThat(new ClassPathResource("demo/forms/" + code + ".json").exists()).as(code).isTrue();
			assertThat(new ClassPathResource("dmn/precheck-" + code + ".dmn").exists()).as(code).isTrue();
		}
	}

	@Test
	void fieldsAreWellFormed() throws IOException {
		for (Resource resource : forms()) {
			JsonNode form = json.readTree(resource.getInputStream());
			String code = form.get("serviceCode").asText();
			assertThat(resource.getFilename()).isEqualTo(code + ".json");
			assertThat(form.get("decisionTable").asText()).isEqualTo("precheck-" + code);
			Set<String> names = new HashSet<>();
			assertThat(form.get("fields")).as(code).isNotEmpty();
			for (JsonNode field : form.get("fields")) {
				String name = field.get("name").asText();
				String where = code + "." + name;
				assertThat(names.add(name)).as(where + " unique").isTrue();
				assertThat(SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)).as(where).isTrue();
				assertThat(Character.isLowerCase(name.charAt(0))).as(where + " camelCase").isTrue();
				assertThat(field.get("label").get("zh").asText()).as(where).isNotBlank();
				assertThat(field.get("label").get("en").asText()).as(where).isNotBlank();
				assertThat(TYPES).as(where).contains(field.get("type").asText());
				assertThat(field.get("required").isBoolean()).as(where).isTrue();
				if (field.has("source")) {
					assertThat(SOURCES).as(where).contains(field.get("source").asText());
				}
				if (field.has("pattern")) {
					java.util.regex.Pattern.compile(field.get("pattern").asText());
				}
				if (field.has("maxLength")) {
					assertThat(field.get("maxLength").asInt()).as(where).isPositive();
				}
				boolean select = field.get("type").asText().equals("SELECT");
				assertThat(field.has("options")).as(where + " options only and always for SELECT").isEqualTo(select);
				if (select) {
					Set<String> values = new HashSet<>();
					for (JsonNode option : field.get("options")) {
						assertThat(values.add(option.get("value").asText())).as(where).isTrue();
						assertThat(option.get("label").get("zh").asText()).as(where).isNotBlank();
						assertThat(option.get("label").get("en").asText()).as(where).isNotBlank();
					}
					assertThat(values).as(where).isNotEmpty();
				}
			}
		}
	}

	@Test
	void theElderlyAllowanceIsMostlyPrefilledAndWangFangHasEveryPrefilledItem() throws IOException {
		JsonNode form = json.readTree(new ClassPathResource("demo/forms/CA-ELD-001.json").getInputStream());
		List<String> sources = new ArrayList<>();
		form.get("fields").forEach(field -> {
			if (field.has("source")) {
				sources.add(field.get("source").asText());
			}
		});
		assertThat(sources.size() * 100 / form.get("fields").size()).isGreaterThanOrEqualTo(70);

		String wangFang = "110108195404123061";
		Map<String, String> record = new HashMap<>();
		record.put("identity.id_number", wangFang);
		row("demo/residents.csv", wangFang).forEach((column, value) -> record
			.put("population." + (column.equals("registered_address") ? "address" : column), value));
		row("demo/registries/social-security.csv", wangFang)
			.forEach((column, value) -> record.put("socialsecurity." + column, value));
		for (String source : sources) {
			assertThat(record.get(source)).as(source).isNotBlank();
		}
	}

	private static Map<String, String> row(String csv, String idNumber) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(csv).getInputStream(), StandardCharsets.UTF_8))) {
			String[] header = reader.readLine().split(",", -1);
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] values = line.split(",", -1);
				if (values[0].equals(idNumber)) {
					Map<String, String> row = new HashMap<>();
					for (int i = 0; i < header.length; i++) {
						row.put(header[i], values[i]);
					}
					return row;
				}
			}
		}
		throw new AssertionError(idNumber + " is not in " + csv);
	}

}
