package org.onestop.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the holiday notices shipped with OneStop
 * ({@code calendar/cn-public-holidays-YYYY.csv}) in every profile: they are the law, not
 * demo data. Days already in the database (perhaps corrected by an administrator) are
 * left alone.
 */
@Component
@Order(0)
class CalendarData implements ApplicationRunner {

	private final CalendarStore store;

	CalendarData(CalendarStore store) {
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:calendar/cn-public-holidays-*.csv")) {
			String name = file.getFilename();
			int year = Integer.parseInt(name.replaceAll("\\D", ""));
			for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
					continue;
				}
				String[] fields = line.split(",", 3);
				store.listIfAbsent(LocalDate.parse(fields[0]), fields[1], fields[2]);
			}
			store.knowYear(year, name);
		}
	}

}
