package org.onestop.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city's 200 synthetic residents (made by scripts/generate-residents.py). Loading
 * again, or from two nodes at once, adds nothing twice.
 */
@Component
@Profile("!prod")
@Order(10)
class RegistryDemoData implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	RegistryDemoData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<Object[]> rows = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/residents.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] f = line.split(",", -1);
				rows.add(new Object[] { f[0], f[1], f[2], java.sql.Date.valueOf(f[3]), f[4], f[5], f[6], f[7],
						f[8].isEmpty() ? null : f[8] });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO registry_resident (id_number, name, sex, birth_date, ethnicity, registered_address,
				    household_number, marital_status, phone)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id_number) DO NOTHING""", rows);
	}
}
