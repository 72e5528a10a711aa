package org.onestop.identity.mandate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.identity.OneStopUser;
import org.onestop.identity.Role;
import org.onestop.platform.ForbiddenException;
import org.onestop.testdata.Resident;
import org.onestop.testdata.Residents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mandate recorded at a counter: only a clerk who works the counters of a service hall
 * (who sees both ID cards there) records one; a clerk of no hall is refused and nothing
 * is recorded.
 */
@IntegrationTest
class CounterMandateIntegrationTests {

	private static final byte[] PNG = new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0 };

	@Autowired
	Mandates mandates;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient db;

	@Test
	void onlyHallStaffRecordAMandateAtTheCounter() {
		Resident grantor = residents.aged(86).withoutPhone().create();
		Resident representative = residents.aged(55).create();
		String username = "clerk.nohall." + UUID.randomUUID().toString().substring(0, 8);
		OneStopUser noHall = new OneStopUser(username, "测试窗口", true, null, "PS", Set.of(Role.CLERK));
		assertThatThrownBy(() -> mandates.recordAtCounter(noHall, grant(grantor, representative)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(recorded(grantor)).isZero();

		db.sql("INSERT INTO appointment_hall_staff (hall, username) VALUES ('HALL-EAST', :u)")
			.param("u", username)
			.update();
		mandates.recordAtCounter(noHall, grant(grantor, representative));
		assertThat(recorded(grantor)).isEqualTo(1);
	}

	private Mandates.CounterGrant grant(Resident grantor, Resident representative) {
		return new Mandates.CounterGrant(
				grantor.idNumber().value(), grantor.name(), new Mandates.Grant(representative.idNumber().value(),
						representative.name(), List.of(), LocalDate.now().plusMonths(6)),
				true, new Signature("signature.png", "image/png", PNG));
	}

	private int recorded(Resident grantor) {
		return db.sql("SELECT count(*) FROM identity_mandate WHERE grantor_id_number = :id AND granted_how = 'COUNTER'")
			.param("id", grantor.idNumber().value())
			.query(Integer.class)
			.single();
	}

}
