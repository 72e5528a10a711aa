package org.onestop.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run on Spring Boot's task
 * executor after the publishing transaction committed, so that the request that published
 * does not wait for them nor fail with them.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

}
