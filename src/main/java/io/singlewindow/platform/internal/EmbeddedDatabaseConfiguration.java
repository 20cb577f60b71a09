package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL 17 inside the application when no {@code spring.datasource.url} is configured, in a persistent
 * data folder, so that one command runs the whole platform on a fresh machine. Production sets
 * {@code SPRING_DATASOURCE_URL} and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(PlatformProperties properties) throws IOException {
		Path pgData = properties.dataDir().toAbsolutePath().normalize().resolve("pg");
		if (properties.cleanDataDir()) {
			deleteRecursively(pgData);
		}
		Files.createDirectories(pgData);
		stopOrphanedPostmaster(pgData);
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.start();
		log.info("event=embedded_database_started dataDir={} port={} millis={}", pgData, postgres.getPort(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, PlatformProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(properties.databasePoolSize());
		dataSource.setPoolName("embedded");
		// zonky stops PostgreSQL from its own shutdown hook, in parallel with Spring's; a short timeout keeps the
		// event publication registry from waiting 30 s for a connection that will never come.
		dataSource.setConnectionTimeout(3000);
		return dataSource;
	}

	/**
	 * After a {@code kill -9} of the JVM the postmaster lives on (pg_ctl daemonised it) and holds
	 * {@code postmaster.pid}; the next start would fail. Stop that orphan first.
	 */
	private static void stopOrphanedPostmaster(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (Stream<String> lines = Files.lines(pidFile)) {
			long pid = Long.parseLong(lines.findFirst().orElse("").strip());
			ProcessHandle.of(pid)
				.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
				.ifPresent(p -> {
					log.warn("event=orphaned_postmaster_stopped pid={} dataDir={}", pid, pgData);
					p.destroy();
					try {
						p.onExit().get(30, TimeUnit.SECONDS);
					} catch (Exception e) {
						p.destroyForcibly();
					}
				});
		} catch (IOException | NumberFormatException e) {
			log.warn("event=unreadable_postmaster_pid file={} error={}", pidFile, e.toString());
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
