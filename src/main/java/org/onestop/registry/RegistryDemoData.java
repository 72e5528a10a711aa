package org.onestop.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city's 200 synthetic residents (made by scripts/generate-residents.py)
 * and the other registries' records about them. Loading again, or from two nodes at once,
 * adds nothing twice.
 */
@Component
@Profile("!prod")
@Order(10)
class RegistryDemoData implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	RegistryDemoData(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<Object[]> rows = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/residents.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] f = line.split(",", -1);
				rows.add(new Object[] { f[0], f[1], f[2], Date.valueOf(f[3]), f[4], f[5], f[6], f[7],
						f[8].isEmpty() ? null : f[8] });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO registry_resident (id_number, name, sex, birth_date, ethnicity, registered_address,
				    household_number, marital_status, phone)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id_number) DO NOTHING""", rows);
		for (OtherRegistry registry : OTHER_REGISTRIES) {
			load(registry);
		}
	}

	/**
	 * A CSV of demo records and the statement that inserts one of them (a JSON object
	 * named by the CSV's header).
	 */
	private record OtherRegistry(String file, String insert) {
	}

	/**
	 * The other registries' demo records, made from the residents by
	 * scripts/generate-registries.py.
	 */
	private static final List<OtherRegistry> OTHER_REGISTRIES = List.of(new OtherRegistry("marriages.csv", """
			INSERT INTO registry_marriage SELECT * FROM json_populate_record(NULL::registry_marriage, CAST(? AS json))
			ON CONFLICT DO NOTHING"""), new OtherRegistry("social-security.csv",
			"""
					INSERT INTO registry_social_security
					SELECT * FROM json_populate_record(NULL::registry_social_security, CAST(? AS json)) ON CONFLICT DO NOTHING"""),
			new OtherRegistry("medical-insurance.csv",
					"""
							INSERT INTO registry_medical_insurance
							SELECT * FROM json_populate_record(NULL::registry_medical_insurance, CAST(? AS json)) ON CONFLICT DO NOTHING"""),
			new OtherRegistry("businesses.csv",
					"""
							INSERT INTO registry_business SELECT * FROM json_populate_record(NULL::registry_business, CAST(? AS json))
							ON CONFLICT DO NOTHING"""),
			new OtherRegistry("properties.csv",
					"""
							INSERT INTO registry_property SELECT * FROM json_populate_record(NULL::registry_property, CAST(? AS json))
							ON CONFLICT DO NOTHING"""),
			new OtherRegistry("vehicles.csv",
					"""
							INSERT INTO registry_vehicle SELECT * FROM json_populate_record(NULL::registry_vehicle, CAST(? AS json))
							ON CONFLICT DO NOTHING"""));

	/**
	 * Loads a CSV whose header names the table's columns; PostgreSQL converts each value
	 * to its column's type.
	 */
	private void load(OtherRegistry registry) throws IOException {
		List<Object[]> rows = new ArrayList<>();
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource("demo/registries/" + registry.file()).getInputStream(),
						StandardCharsets.UTF_8))) {
			String[] columns = reader.readLine().split(",");
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] values = line.split(",", -1);
				Map<String, String> record = new LinkedHashMap<>();
				for (int i = 0; i < columns.length; i++) {
					record.put(columns[i], values[i].isEmpty() ? null : values[i]);
				}
				rows.add(new Object[] { json.writeValueAsString(record) });
			}
		}
		jdbc.batchUpdate(registry.insert(), rows);
	}

}
