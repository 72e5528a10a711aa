package org.onestop.identity.mandate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.onestop.platform.PlatformProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo city's mandate: 王芳 (wang.fang, born 1954) lets her daughter 李梅 (li.mei) act
 * for her in every matter, for a year from the day the demo was loaded. Added once: a
 * mandate between the two that was revoked stays revoked.
 */
@Component
@Profile("!prod")
@Order(21)
class MandateDemoData implements ApplicationRunner {

	static final String WANG_FANG = "110108195404123061";

	static final String LI_MEI = "110108198005206023";

	private final JdbcClient db;

	private final Clock clock;

	private final PlatformProperties platform;

	MandateDemoData(JdbcClient db, Clock clock, PlatformProperties platform) {
		this.db = db;
		this.clock = clock;
		this.platform = platform;
	}

	@Override
	public void run(ApplicationArguments args) {
		var now = clock.instant();
		db.sql("""
				INSERT INTO identity_mandate (id, grantor_id_number, grantor_name, representative_id_number,
				    representative_name, service_codes, until, granted_how, created_at, created_by)
				SELECT :id, :grantor, '王芳', :representative, '李梅', '{}', :until, 'ONLINE', :now, 'wang.fang'
				WHERE EXISTS (SELECT 1 FROM registry_resident WHERE id_number = :representative)
				  AND NOT EXISTS (SELECT 1 FROM identity_mandate
				                  WHERE grantor_id_number = :grantor AND representative_id_number = :representative)""")
			.param("id", UUID.randomUUID())
			.param("grantor", WANG_FANG)
			.param("representative", LI_MEI)
			.param("until", Date.valueOf(now.atZone(platform.timeZone()).toLocalDate().plusYears(1)))
			.param("now", Timestamp.from(now))
			.update();
	}

}
