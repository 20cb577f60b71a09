package io.singlewindow;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL that is not the platform's own: started here, once per test JVM, and handed to the platform as
 * {@code spring.datasource.url} — exactly what a real install does with {@code SPRING_DATASOURCE_URL}.
 */
public class ExternalDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				// zonky stops it from its own shutdown hook when the test JVM ends.
				postgres = EmbeddedPostgres.builder().start();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return postgres;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=",
				// PostgreSQL goes down with the JVM in parallel with Spring's shutdown: don't wait 30 s for it.
				"spring.datasource.hikari.connection-timeout=3000").applyTo(context);
	}
}
