package org.onestop.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick of issue 18: what a team gets by writing each endpoint the plainest way —
 * Spring MVC, JdbcTemplate and Jackson, no security, no cache, no framework of OneStop's —
 * doing the same database work per request as OneStop does. Run beside OneStop's jar
 * against the same database, driven by the same load generator in the same run, so that
 * the ratio measures what OneStop's design adds.
 */
@SpringBootApplication
public class ReferenceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReferenceApplication.class, args);
	}

}
