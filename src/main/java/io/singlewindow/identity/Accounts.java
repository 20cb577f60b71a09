package io.singlewindow.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;

/**
 * Creates user accounts and broker authorisations. Other modules call it when their own data creates a person who
 * must log in — e.g. business registration opens the applicant's trader account from the same application, so the
 * applicant is never asked again.
 */
@Component
public class Accounts {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final BusinessTime time;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, BusinessTime time) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.time = time;
	}

	/**
	 * Opens an account. Joins the caller's transaction, so a rejected registration leaves no account behind.
	 *
	 * @param enterprise the enterprise of a trader or broker, else {@literal null}
	 * @param agency the agency of an officer, else {@literal null}
	 * @throws Problem {@code USERNAME_TAKEN} on field {@code username} when the login name is in use;
	 *     {@code PASSWORD_TOO_SHORT} on field {@code password} below 8 characters
	 */
	@Transactional
	public UUID open(String username, String rawPassword, String displayName, Role role, Uscc enterprise,
			AgencyCode agency) {
		if (rawPassword == null || rawPassword.length() < 8) {
			throw Problem.invalidField("password", "PASSWORD_TOO_SHORT", 8);
		}
		if (isTaken(username)) {
			throw Problem.invalidField("username", "USERNAME_TAKEN", username);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO user_account (id, username, password_hash, display_name, role, uscc, agency_code, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, username, passwords.encode(rawPassword), displayName, role.name(),
					enterprise == null ? null : enterprise.value(), agency == null ? null : agency.value(),
					java.sql.Timestamp.from(time.now()))
			.update();
		return id;
	}

	public boolean isTaken(String username) {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = lower(?)").param(username)
			.query(Long.class).single() > 0;
	}

	/** Lets {@code broker} act for {@code principal} from now on (idempotent; re-grants a revoked authorisation). */
	@Transactional
	public void authoriseBroker(Uscc principal, Uscc broker) {
		Instant now = time.now();
		jdbc.sql("""
				INSERT INTO broker_authorisation (broker_uscc, principal_uscc, granted_at) VALUES (?, ?, ?)
				ON CONFLICT (broker_uscc, principal_uscc) DO UPDATE SET granted_at = excluded.granted_at, revoked_at = NULL""")
			.params(broker.value(), principal.value(), java.sql.Timestamp.from(now))
			.update();
	}

	/** Ends {@code broker}'s authority for {@code principal}; takes effect on the broker's next request. */
	@Transactional
	public void revokeBroker(Uscc principal, Uscc broker) {
		jdbc.sql("UPDATE broker_authorisation SET revoked_at = ? WHERE broker_uscc = ? AND principal_uscc = ? AND revoked_at IS NULL")
			.params(java.sql.Timestamp.from(time.now()), broker.value(), principal.value())
			.update();
	}

	/** Disables or re-enables every account of an enterprise (e.g. when its licence is revoked). */
	@Transactional
	public void enableEnterpriseAccounts(Uscc enterprise, boolean enabled) {
		jdbc.sql("UPDATE user_account SET enabled = ? WHERE uscc = ?").params(enabled, enterprise.value()).update();
	}

	public Optional<UUID> findId(String username) {
		return jdbc.sql("SELECT id FROM user_account WHERE lower(username) = lower(?)").param(username)
			.query(UUID.class).optional();
	}
}
