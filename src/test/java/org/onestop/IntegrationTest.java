package org.onestop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.onestop.insight.SampleFigureSources;
import org.onestop.testdata.Accounts;
import org.onestop.testdata.Residents;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole platform on real PostgreSQL: the embedded one, or the one
 * named by {@code ONESTOP_DB_URL}. Every such test shares one application context (and so
 * one database, cleaned and migrated once at start, with the demo city loaded). Tests
 * make their own residents and citizens with the {@link Residents} and {@link Accounts}
 * builders rather than share the demo city's.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
@Import({ TestDatabase.class, TestClockConfiguration.class, Residents.class, Accounts.class,
		SampleFigureSources.class })
public @interface IntegrationTest {

}
