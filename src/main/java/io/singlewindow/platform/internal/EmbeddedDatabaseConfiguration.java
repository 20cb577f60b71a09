package io.singlewindow.platform.internal;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts PostgreSQL 17 inside the application when no {@code spring.datasource.url} is configured, in a persistent
 * data folder, so that one command runs the whole platform on a fresh machine. Production sets
 * {@code SPRING_DATASOURCE_URL} and this configuration stays out of the way.
 * <p>
 * The database is a bean the data source depends on, so Spring stops it after everything that uses it (event
 * publication registry, listeners, scheduled jobs, session cleanup) has stopped: no shutdown hook of its own races
 * them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(PlatformProperties properties) throws IOException {
		return EmbeddedDatabase.start(properties.dataDir(), properties.embeddedDatabase().durable(),
				properties.cleanDataDir());
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database, PlatformProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(properties.databasePoolSize());
		dataSource.setPoolName("embedded");
		// As spring.datasource.hikari.data-source-properties for a configured database: batches as multi-row inserts.
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}
}
