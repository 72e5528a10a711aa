package org.onestop.appointment;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The demo city's three service halls. */
@Component
@Profile("!prod")
@Order(30)
class HallDemoData implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	HallDemoData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String sql = """
				INSERT INTO appointment_service_hall (code, name_zh, name_en, address_zh, address_en, phone, opening_hours)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""";
		jdbc.update(sql, "HALL-CITY", "市政务服务中心", "City Government Service Center", "北京市丰台区西三环南路1号",
				"1 Xisanhuan South Road, Fengtai District", "010-12345", "Mon–Fri 09:00–17:00, Sat 09:00–12:00");
		jdbc.update(sql, "HALL-EAST", "东城区政务服务中心", "Dongcheng District Service Center", "北京市东城区东四十条36号",
				"36 Dongsi Shitiao, Dongcheng District", "010-64001234", "Mon–Fri 09:00–17:00");
		jdbc.update(sql, "HALL-WEST", "海淀区政务服务中心", "Haidian District Service Center", "北京市海淀区中关村南大街2号",
				"2 Zhongguancun South Street, Haidian District", "010-82505678", "Mon–Fri 08:30–17:30");
	}
}
