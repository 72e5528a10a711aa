package org.onestop.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.InvalidInputException;
import org.onestop.platform.Tokens;
import org.onestop.shared.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Data items from every registry, read one way, each read logged for the citizen to see.
 */
@IntegrationTest
class RegistriesIntegrationTests {

	private static final ResidentIdNumber LI_NA = ResidentIdNumber.parse("110106198806158882");

	@Autowired
	Registries registries;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Test
	void everyRegistryOfTheCityIsThereWithItsOwner() {
		assertThat(registries.items()).extracting(DataItemDefinition::registry)
			.containsOnly("population", "marriage", "socialsecurity", "medicalinsurance", "business", "property",
					"vehicle");
		assertThat(registries.items()).filteredOn(i -> i.key().equals("socialsecurity.contribution_months"))
			.singleElement()
			.satisfies(i -> assertThat(i.department()).isEqualTo("HR"));
	}

	@Test
	void readsItemsAcrossRegistriesConsistentWithThePopulation() {
		Map<String, String> values = registries.read(LI_NA,
				List.of("population.name", "population.address", "marriage.status", "marriage.spouse_name",
						"socialsecurity.contribution_months", "medicalinsurance.scheme"),
				Accessor.system(), "prefill test");
		assertThat(values).containsEntry("population.name", "李娜")
			.containsEntry("marriage.status", "MARRIED")
			.containsEntry("marriage.spouse_name", "张伟")
			.containsEntry("medicalinsurance.scheme", "EMPLOYEE")
			.containsKey("socialsecurity.contribution_months");
		// Her husband lives at the same registered address.
		String husband = db.sql("SELECT husband_id_number FROM registry_marriage WHERE wife_id_number = :id")
			.param("id", LI_NA.value())
			.query(String.class)
			.single();
		assertThat(registries.read(ResidentIdNumber.parse(husband), List.of("population.address"), Accessor.system(),
				"test"))
			.containsEntry("population.address", values.get("population.address"));
	}

	@Test
	void whatARegistryDoesNotHoldIsSimplyAbsent() {
		// 张子轩 is a child: no marriage, no social security, no car.
		ResidentIdNumber child = ResidentIdNumber
			.parse(db.sql("SELECT id_number FROM registry_resident WHERE name = '张子轩'").query(String.class).single());
		Map<String, String> values = registries.read(child,
				List.of("population.name", "marriage.status", "socialsecurity.status", "vehicle.plate"),
				Accessor.system(), "test");
		assertThat(values).containsOnlyKeys("population.name");
	}

	@Test
	void unknownItemsAndMissingPurposesAreRefused() {
		assertThatThrownBy(() -> registries.read(LI_NA, List.of("population.secrets"), Accessor.system(), "x"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> registries.read(LI_NA, List.of("population.name"), Accessor.system(), " "))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theCitizenSeesWhoReadTheirDataAndNobodyElseSeesIt() throws Exception {
		String clerk = "Bearer " + Tokens.of(mvc, "clerk.ps");
		mvc.perform(get("/api/v1/registry/residents/110108199511209651").param("purpose", "电话咨询核实身份")
			.header("Authorization", clerk)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me/data-access").header("Authorization", "Bearer " + Tokens.of(mvc, "zhao.lei")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("OFFICIAL"))
			.andExpect(jsonPath("$[0].who").value("clerk.ps"))
			.andExpect(jsonPath("$[0].department").value("公安局"))
			.andExpect(jsonPath("$[0].purpose").value("电话咨询核实身份"))
			.andExpect(jsonPath("$[0].items", hasItem("户籍地址")));
		mvc.perform(get("/api/v1/me/data-access").header("Authorization", "Bearer " + Tokens.of(mvc, "wang.fang")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].purpose", not(hasItem("电话咨询核实身份"))));
		mvc.perform(get("/api/v1/me/data-access").header("Authorization", clerk)).andExpect(status().isForbidden());
		assertThat(db
			.sql("SELECT count(*) FROM audit_entry WHERE action = 'registry.population.read' AND actor = 'clerk.ps' "
					+ "AND subject = 'resident:110108199511209651'")
			.query(Integer.class)
			.single()).isPositive();
	}

}
