package io.singlewindow;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import io.singlewindow.platform.DatabaseCommands;
import io.singlewindow.platform.Termination;

/**
 * The Single Window platform of the pilot free trade zone: business registration, permits separated from business
 * licences, the international trade single window and trade statistics, as one modular monolith.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Single Window", sharedModules = { "core", "platform" })
public class SingleWindowApplication {

	public static void main(String[] args) {
		if (DatabaseCommands.requested(args)) {
			System.exit(DatabaseCommands.run(args));
		}
		SpringApplication application = new SpringApplication(SingleWindowApplication.class);
		if (Arrays.asList(args).contains("create-admin")) {
			// An operator's command: migrate, open the account, exit — no web server.
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		Termination.onSigtermCloseAndExit(application.run(args));
	}
}
