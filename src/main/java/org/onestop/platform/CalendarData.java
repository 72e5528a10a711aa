package org.onestop.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the holiday notices shipped with OneStop ({@code calendar/cn-public-holidays-YYYY.csv}) in every
 * profile: they are the law, not demo data. Days already in the database (perhaps corrected by an
 * administrator) are left alone.
 */
@Component
@Order(0)
class CalendarData implements ApplicationRunner {

	private final JdbcClient db;

	CalendarData(JdbcClient db) {
		this.db = db;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:calendar/cn-public-holidays-*.csv")) {
			String name = file.getFilename();
			int year = Integer.parseInt(name.replaceAll("\\D", ""));
			for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
					continue;
				}
				String[] fields = line.split(",", 3);
				db.sql("INSERT INTO platform_calendar_day (day, kind, name) VALUES (:day, :kind, :name) ON CONFLICT DO NOTHING")
					.param("day", Date.valueOf(LocalDate.parse(fields[0]))).param("kind", fields[1]).param("name", fields[2])
					.update();
			}
			db.sql("INSERT INTO platform_calendar_year (year, source) VALUES (:year, :source) ON CONFLICT DO NOTHING")
				.param("year", year).param("source", name).update();
		}
	}
}
