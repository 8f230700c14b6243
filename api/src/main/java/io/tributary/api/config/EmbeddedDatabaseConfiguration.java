package io.tributary.api.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url} the control plane runs its own
 * PostgreSQL in {@code tributary.home}. With one, Spring Boot's own DataSource is used instead.
 */
@Configuration
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(TributaryProperties properties) {
        return EmbeddedPostgres.start(properties.home(), properties.postgresBin());
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setUsername(postgres.username());
        ds.setPassword(postgres.password());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("tributary");
        return ds;
    }
}
