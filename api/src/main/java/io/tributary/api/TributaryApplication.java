package io.tributary.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Tributary control plane: REST API, console, agent API, reconciler. */
@SpringBootApplication(scanBasePackages = "io.tributary", exclude = UserDetailsServiceAutoConfiguration.class)
@EntityScan("io.tributary")
@EnableJpaRepositories("io.tributary")
@ConfigurationPropertiesScan("io.tributary")
@EnableScheduling
public class TributaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(TributaryApplication.class, args);
    }
}
