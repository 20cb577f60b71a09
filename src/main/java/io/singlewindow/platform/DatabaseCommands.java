package io.singlewindow.platform;

import java.util.List;

import io.singlewindow.platform.internal.DatabaseCommandLine;

/**
 * The platform's jar doubles as the tool for its database: {@code java -jar single-window.jar backup FILE} and
 * {@code … restore FILE}. See the README, section Backup and restore.
 */
public final class DatabaseCommands {

	private DatabaseCommands() {
	}

	/** The database commands' names, as the first argument. */
	public static List<String> names() {
		return DatabaseCommandLine.COMMANDS;
	}

	/** Whether {@code args} ask for a database command rather than for the platform. */
	public static boolean requested(String[] args) {
		return DatabaseCommandLine.isCommand(args);
	}

	/** Runs the command; the exit code for the process. */
	public static int run(String[] args) {
		return DatabaseCommandLine.run(args);
	}
}
