package io.singlewindow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

	/** identity's AdministratorCommand, run without a web server. */
	private static final String CREATE_ADMIN = "create-admin";

	/** The operator's commands (the database's and AdministratorCommand's); without one, the platform runs. */
	static final List<String> COMMANDS = Stream.concat(DatabaseCommands.names().stream(), Stream.of(CREATE_ADMIN))
		.toList();

	public static void main(String[] args) {
		Optional<String> unknown = unknownCommand(args);
		if (unknown.isPresent()) {
			System.err.println("unknown command '" + unknown.get() + "': one of " + String.join(", ", COMMANDS)
					+ ", or only --name=value options to run the platform");
			System.exit(2);
		}
		if (DatabaseCommands.requested(args)) {
			System.exit(DatabaseCommands.run(args));
		}
		SpringApplication application = new SpringApplication(SingleWindowApplication.class);
		if (Arrays.asList(args).contains(CREATE_ADMIN)) {
			// An operator's command: migrate, open the account, exit — no web server.
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		Termination.onSigtermCloseAndExit(application.run(args));
	}

	/**
	 * The first argument that is no {@code --name=value} option, when it names no command: a mistyped command
	 * ({@code restor FILE}) started the platform, which then served during the maintenance it was typed for.
	 */
	static Optional<String> unknownCommand(String[] args) {
		return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().filter(a -> !COMMANDS.contains(a));
	}
}
