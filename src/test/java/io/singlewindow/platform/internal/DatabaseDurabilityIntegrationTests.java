package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An acknowledged declaration must survive a crash: the embedded database runs with PostgreSQL's durability settings
 * unless a named setting says otherwise (the test profile does, for speed), and a database without them (embedded or
 * external) is reported, not silently used. That the default runs durable, read back from the server, is checked on a
 * real platform process by {@code PlatformLifeIntegrationTests}.
 */
@SingleWindowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseDurabilityIntegrationTests {

	@Autowired
	DatabaseDurabilityCheck check;

	@Autowired
	MockMvc mvc;

	@Test
	void theEmbeddedDatabaseIsDurableUnlessASettingSaysOtherwise() {
		PlatformProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("singlewindow", PlatformProperties.class);

		assertThat(defaults.embeddedDatabase().durable()).isTrue();
	}

	@Test
	void theTestProfileRunsWithoutDurabilityOnlyThroughItsNamedSettingAndHealthSaysSo() throws Exception {
		assertThat(check.read().fsync()).isEqualTo("off");
		assertThat(check.read().synchronousCommit()).isEqualTo("off");

		mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.databaseDurability.status").value("UP"))
			.andExpect(jsonPath("$.components.databaseDurability.details.fsync").value("off"))
			.andExpect(jsonPath("$.components.databaseDurability.details.synchronous_commit").value("off"))
			.andExpect(jsonPath("$.components.databaseDurability.details.durable").value(false))
			.andExpect(jsonPath("$.components.databaseDurability.details.warning").exists());
	}

	@Test
	void aDatabaseWithoutDurabilityIsWarnedAboutAtStartAndShownInHealth(CapturedOutput output) throws Exception {
		Path dir = Files.createTempDirectory("sw-not-durable");
		// zonky's own defaults: fsync off, synchronous_commit off — what an external server configured for speed
		// looks like to the platform.
		try (EmbeddedPostgres careless = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
			.start()) {
			DatabaseDurabilityCheck external = new DatabaseDurabilityCheck(careless.getPostgresDatabase());

			external.warnWhenNotDurable();
			Health health = external.health();

			assertThat(output.getOut()).containsPattern(
					"level=WARN .*event=database_not_durable fsync=off synchronous_commit=off full_page_writes=on durable=false");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("fsync", "off")
				.containsEntry("synchronous_commit", "off")
				.containsEntry("durable", false)
				.containsKey("warning");
		} finally {
			EmbeddedDatabase.deleteRecursively(dir);
		}
	}
}
