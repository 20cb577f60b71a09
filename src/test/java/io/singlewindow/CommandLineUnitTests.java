package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The jar runs the platform, or one of the operator's commands. A command mistyped ({@code restor FILE} in a
 * maintenance window, the platform stopped for it) started the platform instead, which the load balancer put back in
 * rotation and which took declarations the restore then replaced; it is refused, naming the commands.
 */
class CommandLineUnitTests {

	@Test
	void aMistypedCommandIsRefusedRatherThanStartingThePlatform() {
		assertThat(SingleWindowApplication.unknownCommand(new String[] { "restor", "/backups/sw.backup" }))
			.contains("restor");
		assertThat(SingleWindowApplication.unknownCommand(new String[] { "--server.port=9191", "bakup", "x" }))
			.contains("bakup");
	}

	@Test
	void thePlatformAndTheOperatorsCommandsAreKnown() {
		for (String[] args : new String[][] { {}, { "--server.port=9191" }, { "backup", "/backups/sw.backup" },
				{ "restore", "/backups/sw.backup", "--singlewindow.data-dir=/srv/sw" }, { "create-admin", "zone.admin" },
				{ "--spring.profiles.active=x", "create-admin", "zone.admin" } }) {
			assertThat(SingleWindowApplication.unknownCommand(args)).as(String.join(" ", args)).isEqualTo(Optional.empty());
		}
	}
}
