package org.onestop.workflow;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable shares the platform's database and schema. Flyway must finish first: tests
 * clean the schema before migrating, which would drop tables Flowable had already
 * created.
 */
@Configuration(proxyBeanMethods = false)
class FlowableConfiguration {

	@Bean
	EngineConfigurationConfigurer<SpringProcessEngineConfiguration> afterFlyway(
			ObjectProvider<FlywayMigrationInitializer> flyway) {
		// Asking for the initializer makes Spring run the migrations before the engine is
		// configured.
		flyway.ifAvailable(initializer -> {
		});
		// Schema updates and the async executor (timers live in the database; any node's
		// executor may run them)
		// follow flowable.database-schema-update and flowable.async-executor-activate in
		// application.properties.
		return configuration -> {
		};
	}

}
