package org.onestop.appointment.hall;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.appointment.ServiceHall;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The halls' names kept in a node's memory: a rename made anywhere (here an operator's
 * SQL, as another node would leave it) is served once the node has read the layout
 * version again, and not a moment before.
 */
@IntegrationTest
class ServiceHallMemoryIntegrationTests {

	static final long FRESH = 5_000_000_000L;

	@Autowired
	JdbcClient db;

	@Autowired
	HallLayoutStore store;

	@Autowired
	TransactionTemplate transactions;

	private String hall;

	private String nameOf(ServiceHallMemory memory) {
		return memory.all()
			.stream()
			.filter(h -> h.code().equals(hall))
			.map(ServiceHall::nameZh)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aRenameIsServedOnceTheLayoutVersionIsReadAgain() {
		AtomicLong nanos = new AtomicLong();
		// A hall of the test's own: the test context loads no demo city.
		hall = "HALL-MEMORY-TEST";
		db.sql("""
				INSERT INTO appointment_service_hall (code, name_zh, name_en, address_zh, address_en, phone, opening_hours)
				VALUES (:c, '记忆测试大厅', 'Memory test hall', '测试路1号', '1 Test Road', '12345', '9-17')
				ON CONFLICT (code) DO NOTHING""")
			.param("c", hall)
			.update();
		ServiceHallMemory memory = new ServiceHallMemory(store, FRESH, nanos::get);
		String before = nameOf(memory);
		try {
			db.sql("UPDATE appointment_service_hall SET name_zh = :n WHERE code = :c")
				.param("n", "测试改名大厅")
				.param("c", hall)
				.update();
			assertThat(nameOf(memory)).isEqualTo(before);
			nanos.addAndGet(FRESH);
			assertThat(nameOf(memory)).isEqualTo("测试改名大厅");
			// Inside a transaction the table is read: it may be the one renaming.
			String inTransaction = transactions.execute(tx -> nameOf(memory));
			assertThat(inTransaction).isEqualTo("测试改名大厅");
		}
		finally {
			db.sql("UPDATE appointment_service_hall SET name_zh = :n WHERE code = :c")
				.param("n", before)
				.param("c", hall)
				.update();
		}
		nanos.addAndGet(FRESH);
		assertThat(nameOf(memory)).isEqualTo(before);
	}

	/**
	 * Other tests count the demo city's halls: the test's own goes, whatever happened.
	 */
	@AfterEach
	void removeTheTestsHall() {
		db.sql("DELETE FROM appointment_service_hall WHERE code = :c").param("c", "HALL-MEMORY-TEST").update();
	}

}
