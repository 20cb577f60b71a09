package io.singlewindow.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform itself.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files (used only when no {@code spring.datasource.url} is
 *     set); kept across restarts
 * @param cleanDataDir wipe {@code dataDir} on start — for tests only
 * @param databasePoolSize connections the app keeps to PostgreSQL
 * @param embeddedDatabase how the embedded PostgreSQL runs
 */
@ConfigurationProperties("singlewindow")
record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean cleanDataDir,
		@DefaultValue("20") int databasePoolSize, @DefaultValue EmbeddedDatabaseSettings embeddedDatabase) {

	/**
	 * @param durable {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, PostgreSQL's
	 *     defaults; {@code false} runs without them, which is faster and loses acknowledged transactions in a crash:
	 *     never in production
	 */
	record EmbeddedDatabaseSettings(@DefaultValue("true") boolean durable) {
	}
}
