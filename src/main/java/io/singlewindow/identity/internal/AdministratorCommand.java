package io.singlewindow.identity.internal;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Role;
import io.singlewindow.identity.SecurityEventOccurred.Type;

/**
 * {@code java -jar single-window.jar create-admin NAME}: opens an administrator account from the command line, with
 * the password from {@code SINGLEWINDOW_ADMIN_PASSWORD} or, without it, typed twice at the terminal (never an
 * argument, which would end up in the shell history and the process list). Runs against the configured database and
 * exits; no web server starts.
 */
@Component
@Order(0)
class AdministratorCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "create-admin";
	static final String PASSWORD_VARIABLE = "SINGLEWINDOW_ADMIN_PASSWORD";

	private final Accounts accounts;
	private final SecurityEvents events;
	private final MessageSource messages;
	private final Environment environment;
	private final JdbcClient jdbc;
	private PrintStream out = System.out;
	private int exitCode;

	AdministratorCommand(Accounts accounts, SecurityEvents events, MessageSource messages, Environment environment,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.events = events;
		this.messages = messages;
		this.environment = environment;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		int at = words.indexOf(NAME);
		if (at < 0) {
			return;
		}
		exitCode = 0;
		if (words.size() != at + 2) {
			out.println("usage: java -jar single-window.jar create-admin NAME   (password from " + PASSWORD_VARIABLE
					+ " or typed at the terminal)");
			exitCode = 2;
			return;
		}
		String username = words.get(at + 1);
		String password = password();
		if (password == null) {
			out.println("No password: set " + PASSWORD_VARIABLE + " or run the command at a terminal.");
			exitCode = 2;
			return;
		}
		try {
			accounts.open(username, password, username, Role.ADMIN, null, null);
		} catch (Problem problem) {
			for (FieldProblem p : problem.fieldProblems()) {
				out.println(p.field() + ": " + messages.getMessage("problem." + p.code(), p.arguments(), p.code(),
						Locale.ENGLISH));
			}
			exitCode = 1;
			return;
		}
		// The browser setup is no longer needed once an administrator exists.
		jdbc.sql("DELETE FROM setup_token").update();
		events.record(Type.ACCOUNT_CREATED, username, NAME, null, Map.of("role", Role.ADMIN.name(), "via", NAME));
		out.println("Administrator " + username + " created. Log in with it and create the officers of each agency "
				+ "under Administration → Accounts.");
	}

	private String password() {
		String fromEnvironment = environment.getProperty(PASSWORD_VARIABLE);
		if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
			return fromEnvironment;
		}
		Console console = System.console();
		if (console == null) {
			return null;
		}
		char[] first = console.readPassword("Password for the new administrator: ");
		char[] second = console.readPassword("Again: ");
		if (first == null || second == null || !Arrays.equals(first, second)) {
			out.println("The two passwords differ.");
			return null;
		}
		return new String(first);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** For tests: where the command talks to the operator. */
	void printTo(PrintStream stream) {
		this.out = stream;
	}
}
