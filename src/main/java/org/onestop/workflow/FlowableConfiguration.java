package org.onestop.workflow;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable shares the platform's database and schema. Flyway must finish first: tests clean the schema
 * before migrating, which would drop tables Flowable had already created.
 */
@Configuration(proxyBeanMethods = false)
class FlowableConfiguration {

	@Bean
	EngineConfigurationConfigurer<SpringProcessEngineConfiguration> afterFlyway(
			ObjectProvider<FlywayMigrationInitializer> flyway) {
		flyway.ifAvailable(initializer -> {
		});
		return configuration -> {
			configuration.setDatabaseSchemaUpdate("true");
			// Timers and asynchronous continuations live in the database; any node's executor may run them.
			configuration.setAsyncExecutorActivate(true);
		};
	}
}
