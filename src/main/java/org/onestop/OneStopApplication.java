package org.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneStop: the one-stop government service platform. Each direct sub-package is a
 * business capability (a Spring Modulith module); see docs/ARCHITECTURE.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OneStopApplication {

	public static void main(String[] args) {
		SpringApplication.run(OneStopApplication.class, args);
	}

}
