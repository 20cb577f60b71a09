package io.singlewindow.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Role;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.platform.BusinessTime;

/**
 * How a real install gets its first administrator: while no administrator account exists, every start issues a
 * one-time setup token, prints it once to the log (only its hash is stored; a new start replaces it) and the
 * browser page {@code /setup} exchanges it for the first administrator account. Once an administrator exists there
 * is no token and {@code /setup} is gone; further accounts are made by administrators. The command
 * {@code create-admin} (see {@link AdministratorCommand}) is the way without a browser.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final SecurityEvents events;
	private final BusinessTime time;
	private final Environment environment;

	FirstAdministrator(JdbcClient jdbc, Accounts accounts, SecurityEvents events, BusinessTime time,
			Environment environment) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.time = time;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().contains(AdministratorCommand.NAME) || isSetUp()) {
			return;
		}
		String token = issueToken();
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		log.warn("event=first_administrator_setup message=\"no administrator yet: open /setup and enter this one-time "
				+ "token, or run: java -jar single-window.jar create-admin NAME\" url=http://localhost:{}/setup token={}",
				port, token);
	}

	/** Whether an administrator account exists (then there is nothing to set up). */
	boolean isSetUp() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_account WHERE role = 'ADMIN')").query(Boolean.class)
			.single();
	}

	/** Issues a new token, replacing any earlier one, and answers it: the only time it is seen. */
	@Transactional
	String issueToken() {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("""
				INSERT INTO setup_token (id, token_hash, issued_at) VALUES (1, ?, ?)
				ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, issued_at = excluded.issued_at""")
			.params(ApiKeys.hash(token), Timestamp.from(time.now()))
			.update();
		events.record(Type.SETUP_TOKEN_ISSUED, null, null, null, Map.of());
		return token;
	}

	/**
	 * Exchanges the setup token for the first administrator account; the token is used up.
	 *
	 * @throws Problem 404 {@code ALREADY_SET_UP} once an administrator exists; 422 {@code INVALID_INPUT} with
	 *     {@code SETUP_TOKEN_WRONG} on {@code token}, {@code PASSWORDS_DIFFER} on {@code repeatPassword}, or the
	 *     user-name and password rules
	 */
	@Transactional
	UUID create(String token, String username, String displayName, String password, String repeatPassword,
			String clientAddress) {
		// Serialises concurrent exchanges: the second one finds an administrator.
		jdbc.sql("LOCK TABLE setup_token IN EXCLUSIVE MODE").update();
		if (isSetUp()) {
			throw Problem.notFound("ALREADY_SET_UP");
		}
		Violations violations = new Violations();
		boolean tokenRight = token != null && !token.isBlank() && jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM setup_token WHERE token_hash = ?)").param(ApiKeys.hash(token.strip()))
			.query(Boolean.class).single();
		violations.check(tokenRight, "token", "SETUP_TOKEN_WRONG");
		violations.required(displayName, "displayName");
		if (password != null && !password.equals(repeatPassword)) {
			violations.add("repeatPassword", "PASSWORDS_DIFFER");
		}
		if (!violations.isEmpty()) {
			// Report every problem at once, including the user-name and password rules.
			accounts.checkPassword(username, password, "password", violations);
			violations.throwIfAny();
		}
		UUID id = accounts.open(username == null ? null : username.strip(), password,
				displayName.strip(), Role.ADMIN, null, null);
		jdbc.sql("DELETE FROM setup_token").update();
		events.record(Type.FIRST_ADMINISTRATOR_CREATED, username.strip(), null, clientAddress, Map.of("via", "setup"));
		return id;
	}
}
