package org.onestop.appointment.hall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo city's three service halls, how they are laid out (matter groups, counters,
 * opening hours) and who works there. Everything is inserted with ON CONFLICT DO NOTHING,
 * so nodes starting together load once.
 */
@Component
@Profile("!prod")
@Order(30)
class HallDemoData implements ApplicationRunner {

	/**
	 * Group code → (names, minutes per citizen). Which matters each group handles:
	 * demo/halls/group-matters.csv.
	 */
	private static final Map<String, Object[]> GROUPS = Map.of("A",
			new Object[] { "户籍和身份证", "Household registration and ID", 10 }, "B",
			new Object[] { "社保和医保", "Social security and medical insurance", 10 }, "C",
			new Object[] { "民政和卫生", "Civil affairs and health", 10 }, "D",
			new Object[] { "企业、住房和交通", "Business, housing and transport", 10 });

	/**
	 * Counter → groups it serves; every hall has at least two counters for group A
	 * (PS-ID-001), and every group enough counter time for online places after the
	 * walk-in share.
	 */
	private static final Map<String, List<String>> COUNTERS = Map.of("1", List.of("A"), "2", List.of("A"), "3",
			List.of("A", "B"), "4", List.of("B"), "5", List.of("B"), "6", List.of("C"), "7", List.of("C", "D"), "8",
			List.of("D"));

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
		directions("HALL-CITY", "地铁10号线丰台站B口出，向北步行约300米；公交52路、300路丰台路口站下车。大楼东门进入，一层设无障碍通道和母婴室；地下停车场可停车2小时免费。",
				"Metro Line 10 to Fengtai Station, exit B, then walk about 300 m north; buses 52 and 300 stop at Fengtai Crossing. Enter by the east door; step-free access and a baby-care room on the ground floor; two hours' free parking underground.");
		directions("HALL-EAST", "地铁5号线东四十条站A口出，向东步行约200米；公交113路东四十条站下车。正门有无障碍坡道，附近无停车位，请尽量乘坐公共交通。",
				"Metro Line 5 to Dongsishitiao Station, exit A, then walk about 200 m east; bus 113 stops at Dongsishitiao. Ramp at the main door; no parking nearby, so please come by public transport.");
		directions("HALL-WEST", "地铁4号线中关村站C口出，向南步行约400米；公交302路中关村南站下车。一层服务大厅设无障碍通道，地面停车场位于大楼西侧。",
				"Metro Line 4 to Zhongguancun Station, exit C, then walk about 400 m south; bus 302 stops at Zhongguancun South. Step-free hall on the ground floor; car park on the west side of the building.");
		hours("HALL-CITY", "09:00", "17:00", 1, 2, 3, 4, 5);
		hours("HALL-CITY", "09:00", "12:00", 6);
		hours("HALL-EAST", "09:00", "17:00", 1, 2, 3, 4, 5);
		hours("HALL-WEST", "08:30", "17:30", 1, 2, 3, 4, 5);
		for (String hall : List.of("HALL-CITY", "HALL-EAST", "HALL-WEST")) {
			layout(hall);
			for (String clerk : List.of("clerk.ps", "clerk.civil", "clerk.hr")) {
				jdbc.update("INSERT INTO appointment_hall_staff (hall, username) VALUES (?, ?) ON CONFLICT DO NOTHING",
						hall, clerk);
			}
		}
	}

	private static List<String[]> groupMatters() {
		try (InputStream in = new ClassPathResource("demo/halls/group-matters.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> line.split(","))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Set once: a hall whose directions staff have written keeps them. */
	private void directions(String hall, String zh, String en) {
		jdbc.update("""
				UPDATE appointment_service_hall SET directions_zh = ?, directions_en = ?
				WHERE code = ? AND directions_zh = '' AND directions_en = ''""", zh, en, hall);
	}

	private void hours(String hall, String opens, String closes, int... weekdays) {
		for (int weekday : weekdays) {
			jdbc.update("""
					INSERT INTO appointment_hall_hours (hall, weekday, opens, closes) VALUES (?, ?, ?::time, ?::time)
					ON CONFLICT DO NOTHING""", hall, weekday, opens, closes);
		}
	}

	private void layout(String hall) {
		GROUPS.forEach((code, g) -> {
			jdbc.update("""
					INSERT INTO appointment_group (hall, code, name_zh, name_en, service_minutes) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING""", hall, code, g[0], g[1], g[2]);
		});
		for (String[] row : groupMatters()) {
			if (row[0].equals(hall)) {
				jdbc.update("""
						INSERT INTO appointment_group_matter (hall, group_code, service_code) VALUES (?, ?, ?)
						ON CONFLICT DO NOTHING""", row[0], row[1], row[2]);
			}
		}
		COUNTERS.forEach((counter, groups) -> {
			jdbc.update(
					"""
							INSERT INTO appointment_counter (hall, id, name_zh, name_en) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
					hall, counter, counter + "号窗口", "Counter " + counter);
			groups.forEach(group -> jdbc.update("""
					INSERT INTO appointment_counter_group (hall, counter, group_code) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""", hall, counter, group));
		});
	}

}
